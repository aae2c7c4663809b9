using Bot.Host.Benchmarks;
using Bot.Knowledge.Companies;
using Bot.Knowledge.Retrieval;
using Bot.Knowledge.Text;

namespace Bot.Tests.Benchmarks;

public sealed class SyntheticCorpusGeneratorTests
{
    private static readonly ParsedDocument[] Articles =
    [
        Article("Amazon", "Amazon cuts 14,000 corporate roles", "2025-10-28",
            "Amazon said on October 28, 2025 that it will cut about 14,000 corporate roles. The company said the cuts reduce layers. "
            + "Beth Galetti wrote the memo to staff. She said the reduction is about culture, not only money. AI is changing how the " +
                "company works. "
            + "Amazon employed about 350,000 corporate staff at the time. The cuts were about 4% of that group."),
        Article("Intel", "Intel to cut 15,000 jobs", "2024-08-01",
            "Intel will cut more than 15,000 jobs, about 15% of its staff, Pat Gelsinger wrote on August 1, 2024. "
            + "Revenue fell short of plans in 2024. The company aims to save $10 billion in 2025. Gelsinger called it a painful day."),
    ];

    private static ParsedDocument Article(string company, string title, string date, string text) => new()
    {
        Title = title, Text = text, SourceKind = "markdown", SourceKey = $"file:/articles/{company}.md", Publisher = "Test Wire",
        PublishedRaw = date, CompanyHint = company, SourcePath = $"/articles/{company.ToLowerInvariant()}.md",
    };

    [Fact]
    public void Same_seed_gives_the_same_corpus_and_another_seed_another()
    {
        var a = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 6, seed: 7).Generate(20).Select(d => d.Document.Text).ToList();
        var b = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 6, seed: 7).Generate(20).Select(d => d.Document.Text).ToList();
        var c = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 6, seed: 8).Generate(20).Select(d => d.Document.Text).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Documents_beyond_the_variant_pool_reuse_its_passage_texts_and_stay_distinct()
    {
        var generator = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 4, seed: 1);
        var pool = generator.EmbeddingTexts.ToHashSet();
        var documents = generator.Generate(60).ToList();

        Assert.Equal(60, documents.Count);
        Assert.Equal(60, documents.Select(d => d.Document.ContentHash).Distinct().Count());
        Assert.Equal(60, documents.Select(d => d.Document.Id).Distinct().Count());
        foreach (var (document, passages) in documents)
        {
            Assert.NotEmpty(passages);
            Assert.Equal("synthetic", document.SourceKind);
            Assert.Null(document.SourcePath);
            foreach (var passage in passages)
            {
                Assert.Contains(passage.EmbeddingText, pool);
                // The embedded text is the title plus exactly the stored passage text.
                Assert.EndsWith(string.Join(' ',
                    document.Text[passage.Start..passage.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                    passage.EmbeddingText);
            }
        }
    }

    [Fact]
    public void Variants_are_about_another_company_in_another_year()
    {
        var generator = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 40, seed: 3);
        foreach (var variant in generator.Variants)
        {
            var article = Articles.Single(a => a.SourcePath == variant.BaseSource);
            Assert.NotEqual(article.CompanyHint, variant.Company);
            Assert.DoesNotContain(article.CompanyHint!, variant.Title);
            Assert.NotEqual(DateExpressions.ParsePublished(article.PublishedRaw).Date!.Value.Year, variant.Published!.Value.Year);
            // The company a variant is about is listed first, as ingestion lists a source's own company.
            Assert.Equal(variant.Company, variant.Companies[0]);
        }
        Assert.Contains(generator.Variants, v => v.Company is "Amazon" or "Intel");
        Assert.Contains(generator.Variants, v => v.Company is not ("Amazon" or "Intel"));
    }

    [Fact]
    public void Numbers_shift_years_scale_figures_and_keep_days_of_the_month()
    {
        var text = "On January 14, 2023, Acme cut 14,000 roles (10% of staff), 2.5 times the 3 rounds of 2022.";
        Assert.Equal("On January 14, 2024, Acme cut 28,000 roles (20% of staff), 5.0 times the 3 rounds of 2023.",
            SyntheticCorpusGenerator.RewriteNumbers(text, shift: 1, factor: 2));
        Assert.Equal("cut 95% of staff", SyntheticCorpusGenerator.RewriteNumbers("cut 50% of staff", 0, 3));
        Assert.Equal("Contoso's Amazonian staff", SyntheticCorpusGenerator.SwapCompany("Amazon's Amazonian staff", "Amazon", "Contoso"));
    }

    [Fact]
    public void Written_corpus_is_searchable_and_embeds_each_distinct_text_once()
    {
        var generator = new SyntheticCorpusGenerator(Articles, new CompanyCatalog(), 4, seed: 5);
        var embedder = new HashEmbedder();
        var cache = new EmbeddingCache(embedder.Dimensions);
        var (computed, _) = cache.EnsureAll(generator.EmbeddingTexts, embedder, null, TestContext.Current.CancellationToken);
        Assert.Equal(generator.EmbeddingTexts.Count, computed);
        Assert.Equal(0, cache.EnsureAll(generator.EmbeddingTexts, embedder, null, TestContext.Current.CancellationToken).Computed);
        Assert.Equal(computed, embedder.Calls);

        using var db = KnowledgeDatabase.InMemory();
        var written = SyntheticCorpusWriter.Write(db, generator.Generate(30), cache, DateTime.UtcNow,
            TestContext.Current.CancellationToken);
        Assert.Equal(embedder.Calls, computed); // writing 30 documents embedded nothing more

        var index = KnowledgeIndex.Build(db, embedder.Dimensions);
        Assert.Equal(30, index.Documents.Count);
        Assert.Equal(written, index.PassageCount);
        foreach (var passage in db.Passages.FindAll())
            Assert.Equal(passage.Text, index.DocumentsById[passage.DocumentId].Text[passage.Start..passage.End]);
        var hits = new HybridRetriever(new DocumentStore(db, TimeProvider.System), embedder)
            .Search("Galetti memo culture", RetrievalFilter.None, 3);
        Assert.Contains("Galetti", hits[0].Text);
    }

    [Fact]
    public void Cache_file_round_trips()
    {
        using var dir = new Bot.Tests.Knowledge.Support.TestPaths.TempDir();
        var embedder = new HashEmbedder();
        var cache = new EmbeddingCache(embedder.Dimensions);
        cache.EnsureAll(["one passage", "another passage"], embedder, null, TestContext.Current.CancellationToken);
        cache.Save(dir.File("e.bin"));

        var loaded = EmbeddingCache.Load(dir.File("e.bin"), embedder.Dimensions);
        Assert.Equal(2, loaded.Count);
        Assert.Equal(embedder.Embed("another passage"), loaded.Get("another passage"));
        Assert.Equal(0, EmbeddingCache.Load(dir.File("e.bin"), 384).Count); // another model's dimensions: ignored
    }
}
