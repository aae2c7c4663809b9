using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge;

public sealed class AnswerWordingTests
{
    private static double ReasonScore(string clause) => FactExtractor.Extract(clause).ReasonScore;

    [Fact]
    public void A_short_sentence_is_quoted_whole_so_its_last_clause_keeps_the_reason()
    {
        const string sentence = "The cause of all these changes is plain enough, and it is automation.";
        Assert.Equal(sentence, AnswerWording.Fragment(sentence, ReasonScore, maxLength: 140));
    }

    [Fact]
    public void A_long_sentence_is_cut_around_the_clause_that_carries_the_reason()
    {
        const string sentence = "After a long year of hearings, meetings, memos, reviews and several rounds of planning across every " +
            "office in the region, " +
                                "the company said the cuts were needed because demand for its devices collapsed, its chief financial " +
                                    "officer added on a call.";
        var fragment = AnswerWording.Fragment(sentence, ReasonScore, maxLength: 140);
        Assert.Contains("because demand for its devices collapsed", fragment);
        Assert.True(fragment.Length <= 140);
        Assert.Contains(fragment, sentence);
    }
}
