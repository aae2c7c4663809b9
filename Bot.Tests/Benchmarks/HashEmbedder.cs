using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Benchmarks;

/// <summary>
/// A stand-in for MiniLM in benchmark-plumbing tests: a unit bag-of-words vector (hashed words), so
/// texts sharing words are close. It counts its calls, which is what the cache tests check.
/// </summary>
internal sealed class HashEmbedder : ITextEmbedder
{
    public int Dimensions => 64;
    public int Calls { get; private set; }

    public float[] Embed(string text)
    {
        Calls++;
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word.Trim('.', ',')) % Dimensions)] += 1;
        VectorMath.Normalize(vector);
        return vector;
    }
}
