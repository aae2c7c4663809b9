namespace Bot.Knowledge.Embeddings;

/// <summary>Turns text into a unit-length vector. Implementations load their model once per process.</summary>
public interface ITextEmbedder
{
    int Dimensions { get; }
    float[] Embed(string text);
}
