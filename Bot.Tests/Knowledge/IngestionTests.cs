namespace Bot.Tests.Knowledge;

[Collection(ArticlesCollection.Name)]
public sealed class SharedArticlesIngestionTests(ArticlesFixture fixture)
{
    [Fact]
    public void Every_article_is_stored_and_the_index_listing_is_skipped()
    {
        var articleCount = Directory.GetFiles(TestPaths.Articles, "*.md").Length;
        Assert.Equal(articleCount, fixture.Report.Count(IngestOutcome.Added));
        Assert.Equal(0, fixture.Report.Count(IngestOutcome.Failed));
        Assert.Contains(fixture.Report.Items, i => i.Outcome == IngestOutcome.Skipped && i.Source.EndsWith("index.csv"));
        Assert.Equal(articleCount, fixture.Services.Get<DocumentStore>().DocumentCount);
    }

    [Fact]
    public void Front_matter_is_parsed_including_unknown_and_month_only_dates()
    {
        var docs = fixture.Services.Get<DocumentStore>().ListDocuments();
        var hr = Assert.Single(docs, d => d.SourcePath!.EndsWith("amazon-2025-10-galetti-14000-hronline.md"));
        Assert.Equal("Human Resources Online (humanresourcesonline.net)", hr.Publisher);
        Assert.StartsWith("https://www.humanresourcesonline.net/", hr.Url);
        Assert.Equal(new DateTime(2025, 10, 1), hr.Published);
        Assert.Equal("month", hr.PublishedPrecision);
        Assert.Equal("Amazon", hr.Companies[0]);
        Assert.DoesNotContain("---", hr.Text[..10]);

        // "unknown (May 2020; memo sent May 5, 2020)": the most precise date inside is used.
        var bworld = Assert.Single(docs, d => d.SourcePath!.EndsWith("airbnb-2020-05-chesky-1900-bworldonline.md"));
        Assert.Equal(new DateTime(2020, 5, 5), bworld.Published);
        // "unknown (URL slug: ...)" titles fall back to the slug.
        var uproxx = Assert.Single(docs, d => d.SourcePath!.EndsWith("spotify-2023-01-ek-6pct-uproxx.md"));
        Assert.Equal("Spotify layoffs leadership moves", uproxx.Title);
    }

    [Fact]
    public void Every_stored_passage_is_the_exact_substring_at_its_offsets()
    {
        var store = fixture.Services.Get<DocumentStore>();
        var docs = store.ListDocuments().ToDictionary(d => d.Id);
        var passages = store.AllPassages().ToList();
        Assert.NotEmpty(passages);
        foreach (var p in passages)
        {
            Assert.Equal(p.Text, docs[p.DocumentId].Text.Substring(p.Start, p.End - p.Start));
            Assert.Equal(384 * 4, p.Embedding.Length);
        }
    }

    [Fact]
    public async Task Ingesting_the_same_articles_again_changes_nothing()
    {
        var before = fixture.Services.Get<DocumentStore>().PassageCount;
        var again = await fixture.Services.Get<IngestionPipeline>().IngestAsync([TestPaths.Articles], null,
            TestContext.Current.CancellationToken);
        Assert.All(again.Items.Where(i => i.Outcome != IngestOutcome.Skipped), i => Assert.Equal(IngestOutcome.Unchanged, i.Outcome));
        Assert.Equal(before, fixture.Services.Get<DocumentStore>().PassageCount);
    }
}

public sealed class IngestionTests
{
    private static string Article(string title, string url, string body) =>
        $"---\ntitle: \"{title}\"\nsource_url: {url}\npublisher: Test Wire\ndate_published: 2024-03-05\ncompany: Intel\n---\n\n{body}\n";

    [Fact]
    public async Task Changed_content_for_the_same_url_replaces_the_old_version()
    {
        using var dir = new TestPaths.TempDir();
        using var db = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(db);
        var pipeline = services.Get<IngestionPipeline>();
        var file = dir.File("intel.md");
        await File.WriteAllTextAsync(file,
            Article("Intel cuts", "https://example.com/intel", "Intel will cut 1,000 jobs. The company blamed weak demand."),
            TestContext.Current.CancellationToken);
        var first = await pipeline.IngestFileAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(IngestOutcome.Added, first[0].Outcome);

        await File.WriteAllTextAsync(file,
            Article("Intel cuts", "https://example.com/intel?utm_source=rss", "Intel will cut 2,000 jobs. The company blamed weak demand."),
            TestContext.Current.CancellationToken);
        var second = await pipeline.IngestFileAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(IngestOutcome.Updated, second[0].Outcome);
        var stored = Assert.Single(services.Get<DocumentStore>().ListDocuments());
        Assert.Contains("2,000", stored.Text);
        Assert.Equal(2, stored.Version);
        Assert.All(services.Get<DocumentStore>().AllPassages(), p => Assert.DoesNotContain("1,000", p.Text));
    }

    [Fact]
    public async Task A_corrupt_file_is_skipped_with_its_reason_and_the_rest_go_on()
    {
        using var dir = new TestPaths.TempDir();
        using var db = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(db);
        await File.WriteAllTextAsync(dir.File("a-good.md"),
            Article("Good", "https://example.com/good", "Intel will cut 1,000 jobs to save costs."), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(dir.File("b-unclosed.md"), "---\ntitle: broken\nno closing line\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(dir.File("c-binary.txt"), [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff],
            TestContext.Current.CancellationToken);

        var report = await services.Get<IngestionPipeline>().IngestAsync([dir.Path], null, TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Count(IngestOutcome.Added));
        var unclosed = Assert.Single(report.Items, i => i.Source.EndsWith("b-unclosed.md"));
        Assert.Equal(IngestOutcome.Failed, unclosed.Outcome);
        Assert.Contains("closing", unclosed.Reason);
        Assert.Equal(IngestOutcome.Failed, Assert.Single(report.Items, i => i.Source.EndsWith("c-binary.txt")).Outcome);
        Assert.False(report.AllFailed);
    }

    [Fact]
    public void A_failure_part_way_through_a_document_leaves_nothing_visible()
    {
        using var db = KnowledgeDatabase.InMemory();
        var store = new DocumentStore(db, TimeProvider.System);
        var document = new DocumentRecord { Id = "doc1", SourceKey = "k1", Title = "t", Text = "Some text here.", ContentHash = "h1" };
        // Two passages with the same id: the second insert fails after the document and first passage were written.
        var passages = new[]
        {
            new PassageRecord { Id = "doc1:0", DocumentId = "doc1", Start = 0, End = 4, Text = "Some" },
            new PassageRecord { Id = "doc1:0", DocumentId = "doc1", Start = 5, End = 9, Text = "text" },
        };
        Assert.ThrowsAny<Exception>(() => store.Save(document, passages));
        Assert.Null(store.Get("doc1"));
        Assert.Equal(0, store.PassageCount);
        Assert.Equal(0, db.Revision);
    }

    [Fact]
    public void A_database_with_a_newer_schema_is_refused_clearly()
    {
        using var dir = new TestPaths.TempDir();
        var path = dir.File("future.db");
        using (var raw = new LiteDB.LiteDatabase(path))
            raw.GetCollection("meta").Upsert(new LiteDB.BsonDocument
                { ["_id"] = "schema", ["version"] = KnowledgeDatabase.SchemaVersion + 1 });
        var error = Assert.Throws<KnowledgeDatabaseException>(() => KnowledgeDatabase.Open(path));
        Assert.Contains("newer", error.Message);
    }
}
