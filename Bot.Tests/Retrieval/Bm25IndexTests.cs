using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Retrieval;

public sealed class Bm25IndexTests
{
    /// <summary>Ten passages that all say "layoffs"; two of them name a rare word.</summary>
    private static Bm25Index Corpus()
    {
        var index = new Bm25Index();
        for (var i = 0; i < 10; i++)
            index.Add(Bm25Index.Tokens("", i is 3 or 7 ? "layoffs layoffs at the quillfeather office" : $"layoffs reported in week {i}"));
        index.Seal();
        return index;
    }

    [Fact]
    public void A_term_in_most_passages_is_skipped_when_the_query_has_a_rarer_one()
    {
        // Scored on "layoffs" too, every passage would match; on the informative term only, the two that name it.
        var top = Corpus().Top(Bm25Index.Tokens("", "quillfeather layoffs"), _ => true, 10);
        Assert.Equal([3, 7], top.Order());
    }

    [Fact]
    public void A_query_of_common_terms_only_is_still_scored_by_its_rarest_term()
    {
        var top = Corpus().Top(Bm25Index.Tokens("", "layoffs"), _ => true, 10);
        Assert.Equal(10, top.Count);
        Assert.Equal([3, 7], top.Take(2).Order()); // the passages that say it twice
    }
}
