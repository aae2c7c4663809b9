namespace Bot.Knowledge.Text;

/// <summary>
/// Groups consecutive sentences into passages of up to <see cref="MaxSentences"/> sentences and about
/// <see cref="TargetChars"/> characters, overlapping by one sentence so a fact near a boundary is whole
/// in at least one passage.
/// </summary>
public static class PassageChunker
{
    public const int MaxSentences = 3;
    public const int TargetChars = 600;

    public static IReadOnlyList<TextSpan> Chunk(IReadOnlyList<TextSpan> sentences)
    {
        var passages = new List<TextSpan>();
        var i = 0;
        while (i < sentences.Count)
        {
            var j = i;
            while (j + 1 < sentences.Count && j + 1 - i < MaxSentences && sentences[j + 1].End - sentences[i].Start <= TargetChars) j++;
            passages.Add(new TextSpan(sentences[i].Start, sentences[j].End));
            if (j + 1 >= sentences.Count) break;
            i = j > i ? j : j + 1; // overlap one sentence unless the passage is a single sentence
        }
        return passages;
    }
}
