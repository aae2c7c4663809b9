using Bot.Knowledge.Text;
using LiteDB;

namespace Bot.Tests.Knowledge;

/// <summary>Titles made readable at ingestion (front-matter files through the real pipeline) and on upgrading an old database
/// file.</summary>
public sealed class ReadableTitleTests : IDisposable
{
    private const string HashUrl =
        "https://trends.glance.example/story/articles/news/IN/en/timesnow/f-445134d771-f97dc244-397a-5c3b-8eac-c7ac1fdc8b88" +
        "?summary=false";
    private readonly TestPaths.TempDir _dir = new();

    private async Task<DocumentRecord> IngestAsync(string title, string url, string publisher, string date, string body)
    {
        var file = _dir.File(Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(file,
            $"---\ntitle: \"{title}\"\nsource_url: {url}\npublisher: {publisher}\ndate_published: {date}\ncompany: Acme\n---\n\n{body}\n",
            TestContext.Current.CancellationToken);
        using var database = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(database);
        var report = await services.Get<IngestionPipeline>().IngestAsync([file], null, TestContext.Current.CancellationToken);
        Assert.Equal(IngestOutcome.Added, Assert.Single(report.Items).Outcome);
        return database.Documents.FindAll().Single();
    }

    [Fact]
    public async Task A_hash_like_slug_never_shows_and_the_title_becomes_publisher_and_date()
    {
        var document = await IngestAsync("unknown (Times Now story syndicated on Glance)", HashUrl, "Times Now (via Glance)",
            "unknown (Sept 2025)",
            "Acme's chief executive recently revealed a large reduction in the support team, cutting 4,000 positions as AI agents now " +
                "manage half of all customer conversations.");
        Assert.Equal("Times Now (via Glance), Sep 2025", document.Title);
    }

    [Fact]
    public async Task A_slug_title_becomes_words_and_a_headline_line_wins_over_the_slug()
    {
        var slug = await IngestAsync("unknown (URL slug: acme-cuts-120-jobs-in-rocket-unit)",
            "https://news.example/acme-cuts-120-jobs-in-rocket-unit-1446577", "Example News", "2026-06-10",
            "Acme is cutting 120 jobs because demand for its rockets slowed sharply this year.");
        Assert.Equal("Acme cuts 120 jobs in rocket unit", slug.Title);

        var headline = await IngestAsync("unknown (URL slug: acme-cuts-120-jobs-in-rocket-unit)",
            "https://news.example/acme-cuts-120-jobs-in-rocket-unit", "Example News", "2026-06-10",
            "Acme Cuts 120 Jobs as Rocket Demand Slows\n\nAcme is cutting 120 jobs because demand for its rockets slowed sharply this " +
                "year.");
        Assert.Equal("Acme Cuts 120 Jobs as Rocket Demand Slows", headline.Title);

        var fromUrl = await IngestAsync("unknown (article 234861)", "https://news.example/2026/06/acme-trims-staff-in-the-desert.html",
            "Example News", "2026-06-10",
            "Acme is cutting 120 jobs because demand for its rockets slowed sharply this year.");
        Assert.Equal("Acme trims staff in the desert", fromUrl.Title);
    }

    [Fact]
    public void Opening_a_version_1_file_rewrites_unreadable_titles_and_keeps_readable_ones()
    {
        var path = TestDatabase.NewPath();
        using (var database = KnowledgeDatabase.Open(path))
        {
            database.Documents.Insert(new DocumentRecord
            {
                Id = "hash", Title = "F 445134d771 f97dc244 397a 5c3b 8eac c7ac1fdc8b88", SourceKey = "hash", Url = HashUrl,
                    Publisher = "Times Now (via Glance)",
                Published = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc), PublishedPrecision = "month",
                    Text = "Acme cut 4,000 support jobs.",
            });
            database.Documents.Insert(new DocumentRecord
                { Id = "fine", Title = "Acme trims staff", SourceKey = "fine", Text = "Acme cut jobs." });
            // What a build before this one wrote.
            database.Database.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 1 });
        }

        using (var upgraded = KnowledgeDatabase.Open(path))
        {
            Assert.Equal("Times Now (via Glance), Sep 2025", upgraded.Documents.FindById("hash").Title);
            Assert.Equal("Acme trims staff", upgraded.Documents.FindById("fine").Title);
            Assert.Equal(KnowledgeDatabase.SchemaVersion, upgraded.Database.GetCollection("meta").FindById("schema")["version"].AsInt32);
        }
    }

    [Theory]
    [InlineData("F 445134d771 f97dc244 397a 5c3b 8eac c7ac1fdc8b88", false)]
    [InlineData("unknown (URL slug: acme-cuts-jobs)", false)]
    [InlineData("234861.html", false)]
    [InlineData("Untitled page", false)]
    [InlineData("ibm-2025-11-low-single-digit-whitecollarvoice", false)]
    [InlineData("Amazon set cut 14000 jobs corporate workforce", true)]
    [InlineData("Dell job cuts: 6,650 staff axed as PC demand plunges", true)]
    public void Readable_titles_are_words_not_ids_or_placeholders(string title, bool readable) =>
        Assert.Equal(readable, ReadableTitle.IsReadable(title));

    public void Dispose() => _dir.Dispose();
}
