using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Bot.Knowledge.Embeddings;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Embeddings keyed by the SHA-256 of the exact text embedded, kept in a file between runs, so a
/// passage whose text is unchanged is never embedded twice. Only the benchmark's synthetic corpus uses it.
/// </summary>
internal sealed class EmbeddingCache
{
    private const string Magic = "LBEC1";
    private readonly Dictionary<UInt128, float[]> _vectors = new();

    public int Dimensions { get; }
    public int Count => _vectors.Count;

    public EmbeddingCache(int dimensions) => Dimensions = dimensions;

    public bool TryGet(string text, out float[] vector) => _vectors.TryGetValue(Key(text), out vector!);

    public float[] Get(string text) =>
        TryGet(text, out var vector) ? vector
            : throw new KeyNotFoundException("No cached embedding for a passage; embed the generator's texts first.");

    /// <summary>Embeds the texts not cached yet, one per call (as ingestion does). Returns how many were computed and how long it
    /// took.</summary>
    public (int Computed, TimeSpan Elapsed)
        EnsureAll(IEnumerable<string> texts, ITextEmbedder embedder, Action<int>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var computed = 0;
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Key(text);
            if (_vectors.ContainsKey(key)) continue;
            _vectors[key] = embedder.Embed(text);
            if (++computed % 500 == 0) progress?.Invoke(computed);
        }
        return (computed, watch.Elapsed);
    }

    public static EmbeddingCache Load(string path, int dimensions)
    {
        var cache = new EmbeddingCache(dimensions);
        if (!File.Exists(path)) return cache;
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != dimensions) return cache; // another format or model: start afresh
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            var vector = new float[dimensions];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vector.AsSpan()));
            cache._vectors[key] = vector;
        }
        return cache;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Dimensions);
            writer.Write(_vectors.Count);
            foreach (var (key, vector) in _vectors)
            {
                writer.Write((ulong)(key >> 64));
                writer.Write((ulong)key);
                writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    private static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
    }
}
