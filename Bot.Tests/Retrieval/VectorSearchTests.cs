using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Retrieval;

/// <summary>
/// The two-stage vector search (1-bit Hamming first pass, int8 rerank) against the exact int8 scan, on
/// a generated corpus of clustered random unit vectors (topics with spread, like sentence embeddings).
/// </summary>
public sealed class VectorSearchTests : IDisposable
{
    private const int Dimensions = 384;
    private const int Documents = 400;
    private const int PassagesPerDocument = 10;
    private readonly KnowledgeDatabase _db = KnowledgeDatabase.InMemory();
    private readonly KnowledgeIndex _index;
    private readonly Random _random = new(20261130);
    private readonly float[][] _topics;

    public VectorSearchTests()
    {
        _topics = Enumerable.Range(0, 4).Select(_ => Unit(Enumerable.Range(0, Dimensions).Select(_ => Gaussian()).ToArray())).ToArray();
        var store = new DocumentStore(_db, TimeProvider.System);
        for (var d = 0; d < Documents; d++)
        {
            var text = new string('x', PassagesPerDocument * 10);
            var passages = Enumerable.Range(0, PassagesPerDocument).Select(i => new PassageRecord
            {
                Id = $"d{d}:{i}", DocumentId = $"d{d}", Index = i, Start = i * 10, End = i * 10 + 10,
                Embedding = VectorMath.ToBytes(Near(_topics[_random.Next(_topics.Length)], 1.5f)),
            }).ToList();
            store.Save(new DocumentRecord { Id = $"d{d}", SourceKey = $"k{d}", Title = $"doc {d}", Text = text, ContentHash = $"h{d}" },
                passages);
        }
        _index = KnowledgeIndex.Build(_db, Dimensions);
    }

    public void Dispose() => _db.Dispose();

    private float Gaussian() => (float)(Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));

    private static float[] Unit(float[] v)
    {
        VectorMath.Normalize(v);
        return v;
    }

    private float[] Near(float[] topic, float spread)
        => Unit(topic.Select(t => t + spread * Gaussian() / MathF.Sqrt(Dimensions)).ToArray());

    private bool[] All => Enumerable.Repeat(true, _index.Documents.Count).ToArray();

    [Fact]
    public void With_a_candidate_pool_that_covers_every_passage_the_two_stages_equal_the_exact_scan()
    {
        var query = _index.Quantize(Near(_topics[3], 1.5f));
        var depth = _index.PassageCount / 40 + 1; // the first pass then keeps every passage
        var exact = VectorSearch.Top(_index, query, All, depth, exactScanLimit: int.MaxValue);
        var twoStage = VectorSearch.Top(_index, query, All, depth, exactScanLimit: 0);
        Assert.Equal(exact.Select(r => r.Passage), twoStage.Select(r => r.Passage));
    }

    /// <summary>
    /// Recall@10 of the two-stage search against the exact scan over 30 queries, in a deliberately hard
    /// corpus (four topics of 1,000 passages each, so the first pass must rank inside a topic): 93% when
    /// written; the tolerance is 90%. The benchmark measures recall on real and synthetic articles.
    /// </summary>
    [Fact]
    public void The_two_stage_search_finds_nearly_all_of_the_exact_top_ten()
    {
        double found = 0, wanted = 0;
        for (var i = 0; i < 30; i++)
        {
            var query = _index.Quantize(Near(_topics[_random.Next(_topics.Length)], 1.5f));
            var exact = VectorSearch.Top(_index, query, All, 10, exactScanLimit: int.MaxValue).Select(r => r.Passage).ToHashSet();
            var twoStage = VectorSearch.Top(_index, query, All, 10, exactScanLimit: 0).Select(r => r.Passage);
            found += twoStage.Count(exact.Contains);
            wanted += exact.Count;
        }
        Assert.True(found / wanted >= 0.90, $"recall@10 {found / wanted:P1}");
    }

    [Fact]
    public void A_filter_scans_only_the_allowed_documents_passages()
    {
        var allowed = new bool[_index.Documents.Count];
        allowed[7] = allowed[8] = allowed[200] = true;
        var query = _index.Quantize(Near(_topics[0], 1.5f));
        var top = VectorSearch.Top(_index, query, allowed, 50);
        Assert.Equal(3 * PassagesPerDocument, top.Count);
        Assert.All(top, r => Assert.True(allowed[_index.PassageDocument[r.Passage]]));
    }
}
