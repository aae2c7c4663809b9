using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Benchmarks;

/// <summary>The streamed, int8 index the benchmark drove: order and vectors must still match their passages.</summary>
public sealed class KnowledgeIndexLayoutTests
{
    [Fact]
    public void Passages_stored_out_of_order_are_indexed_by_document_and_position_with_their_own_vectors()
    {
        using var db = KnowledgeDatabase.InMemory();
        var embedder = new HashEmbedder();
        const int Parts = 12, Width = 24; // "Doc 0 part 00 about x0. " is 24 characters
        var documents = Enumerable.Range(0, 3).Select(d => new DocumentRecord
        {
            Id = $"doc{d}", Title = $"Title {d}", SourceKey = $"key{d}", ContentHash = $"hash{d}",
            Text = string.Concat(Enumerable.Range(0, Parts).Select(i => $"Doc {d} part {i:00} about x{i % 10}. ")),
        }).ToList();
        db.Documents.InsertBulk(documents);
        var passages = documents.SelectMany(d => Enumerable.Range(0, Parts).Select(i =>
        {
            var text = d.Text.Substring(i * Width, Width - 1);
            return new PassageRecord { Id = $"{d.Id}:{i}", DocumentId = d.Id, Index = i, Start = i * Width, End = i * Width + Width - 1,
                Text = text, Embedding = VectorMath.ToBytes(embedder.Embed(text)) };
        })).ToList();
        var shuffled = passages.OrderBy(p => (p.Index * 7 + p.DocumentId[^1]) % 11).ThenByDescending(p => p.Id).ToList();
        foreach (var p in shuffled) db.Passages.Insert(p);

        var index = KnowledgeIndex.Build(db, embedder.Dimensions);

        Assert.Equal(documents.Count * Parts, index.PassageCount);
        Assert.Equal(Enumerable.Range(0, documents.Count).SelectMany(d => Enumerable.Repeat(d, Parts)), index.PassageDocument);
        Assert.Equal(Enumerable.Range(0, documents.Count).SelectMany(_ => Enumerable.Range(0, Parts)), index.PassageIndex);
        for (var p = 0; p < index.PassageCount; p++)
        {
            var text = index.Documents[index.PassageDocument[p]].Text[index.PassageStart[p]..index.PassageEnd[p]];
            Assert.Equal($"Doc {index.PassageDocument[p]} part {index.PassageIndex[p]:00}", text[..13]);
            // Its own (unit) vector, within int8 precision.
            Assert.InRange(index.Cosine(index.Quantize(embedder.Embed(text)), p), 0.98f, 1.02f);
        }
        // BM25 indexed the same passages: an exact token finds its passage.
        Assert.Contains(index.Lexical.Score(["x7"], _ => true).Keys, p => index.PassageIndex[p] % 10 == 7);
    }

    [Theory]
    [InlineData("x7", 3)]
    [InlineData("doc part x1 x2", 5)]
    [InlineData("part", 50)]
    public void Bm25_top_equals_scoring_everything_then_a_stable_sort(string query, int depth)
    {
        var lexical = new Bm25Index();
        for (var d = 0; d < 4; d++)
            for (var i = 0; i < 15; i++)
                lexical.Add(Bm25Index.Tokens($"Doc {d}", $"part {i} about x{i % 10}{(i % 4 == 0 ? " part again" : "")}"));
        lexical.Seal();
        var tokens = Bm25Index.Tokens("", query);
        bool Allowed(int p) => p % 7 != 3;

        var expected = lexical.Score(tokens, Allowed).OrderByDescending(kv => kv.Value).Take(depth).Select(kv => kv.Key).ToList();
        Assert.Equal(expected, lexical.Top(tokens, Allowed, depth));
        Assert.Equal(expected, lexical.Top(tokens, Allowed, depth));
        // Another renter returns a dirty array of the same size to the shared pool (as a sort does).
        var dirty = System.Buffers.ArrayPool<double>.Shared.Rent(lexical.Count);
        Array.Fill(dirty, 0.5);
        System.Buffers.ArrayPool<double>.Shared.Return(dirty);
        Assert.Equal(expected, lexical.Top(tokens, Allowed, depth));
    }
}
