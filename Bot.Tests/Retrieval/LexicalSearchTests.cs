using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Retrieval;

/// <summary>BM25's top list (MaxScore, skipping what cannot make it) against scoring every passage and sorting.</summary>
public sealed class LexicalSearchTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 50)]
    [InlineData(3, 1)]
    public void The_top_list_equals_scoring_every_passage_then_sorting_by_score_and_position(int seed, int depth)
    {
        var random = new Random(seed);
        // Zipf-like words (a few in most passages, most rare) and many repeated passages, so ties are common.
        string Word() => "w" + (int)(Math.Exp(random.NextDouble() * Math.Log(400)) - 1);
        var passages = Enumerable.Range(0, 1500)
            .Select(_ => Enumerable.Range(0, 4 + random.Next(30)).Select(_ => Word()).ToList()).ToList();
        for (var i = 0; i < 200; i++) passages[random.Next(passages.Count)] = passages[random.Next(passages.Count)];
        var index = new Bm25Index();
        foreach (var p in passages) index.Add(p);
        index.Seal();
        Func<int, bool>[] filters = [_ => true, p => p % 3 != 1, p => p < 100];
        for (var q = 0; q < 60; q++)
        {
            var query = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Word()).ToList();
            foreach (var allowed in filters)
            {
                var expected = index.Score(query, allowed).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
                    .Take(depth).Select(kv => kv.Key);
                Assert.Equal(expected, index.Top(query, allowed, depth));
            }
        }
    }
}
