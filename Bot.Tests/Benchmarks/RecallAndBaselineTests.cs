using Bot.Host.Benchmarks;

namespace Bot.Tests.Benchmarks;

public sealed class RecallAndBaselineTests
{
    [Fact]
    public void A_question_is_a_hit_when_a_top_passage_comes_from_a_listed_file()
    {
        string[] sources = ["amazon-2023-01-jassy-18000-variety.md", "amazon-2023-03-jassy-9000-businesstoday.md"];
        Assert.True(RecallAtK.IsHit(sources, [null, "/data/articles/amazon-2023-03-jassy-9000-businesstoday.md"]));
        Assert.False(RecallAtK.IsHit(sources, [null, "/data/articles/meta-2022-11-zuckerberg-11000-businesstoday.md"]));
        Assert.False(RecallAtK.IsHit(sources, []));
        Assert.Equal(0.75, RecallAtK.Recall(3, 4));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var summary = LatencySummary.From(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList());
        Assert.Equal((50, 95, 99, 100), (summary.MedianMs, summary.P95Ms, summary.P99Ms, summary.MaxMs));
        Assert.Equal(3, LatencySummary.From([1, 2, 3]).P95Ms);
    }

    [Fact]
    public void Lucene_baseline_ranks_the_passage_sharing_the_query_terms_first()
    {
        using var dir = new TestPaths.TempDir();
        (string, string)[] passages =
        [
            ("Intel to cut 15,000 jobs", "Pat Gelsinger wrote that revenue fell short."),
            ("Amazon cuts 14,000 roles", "Beth Galetti wrote the memo about layers and culture."),
            ("Meta lays off 11,000", "Mark Zuckerberg said he got it wrong on growth."),
        ];
        using var lucene = new LuceneBm25Baseline(dir.Path, passages);
        Assert.Equal(3, lucene.Count);
        Assert.Equal(1, lucene.Search("Who wrote Amazon's memo about culture?", 2)[0]);
        Assert.Empty(lucene.Search("the of and", 5)); // only stop words: no query
    }

    [Fact]
    public void Sizes_option_accepts_thousands_and_rejects_junk()
    {
        Assert.Equal([1000, 10000, 50000], BenchCommand.ParseSizes("50k, 1000,10000,1000"));
        Assert.Throws<ArgumentException>(() => BenchCommand.ParseSizes("1000,-5"));
        Assert.Throws<ArgumentException>(() => BenchCommand.ParseSizes(","));
    }
}
