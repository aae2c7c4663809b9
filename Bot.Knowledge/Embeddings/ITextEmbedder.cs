namespace Bot.Knowledge.Embeddings;

/// <summary>Turns text into a unit-length vector. Implementations load their model once per process.</summary>
public interface ITextEmbedder
{
    int Dimensions { get; }
    float[] Embed(string text);

    /// <summary>Several texts in one call (a question and its parts): the same vectors as one call each.</summary>
    IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts) => texts.Select(Embed).ToList();
}
