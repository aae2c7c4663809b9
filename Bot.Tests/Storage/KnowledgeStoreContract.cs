using Bot.Knowledge.Retrieval;
using Bot.Tests.Benchmarks;

namespace Bot.Tests.Storage;

/// <summary>The knowledge content's stores, as one implementation (LiteDB or PostgreSQL) provides them.</summary>
public sealed record KnowledgeStoreSet(
    IDocumentStore Documents, IKnowledgeMeta Meta, ILayoffRowStore Rows, IWarnNoticeStore Notices, IArticleFigureStore Figures,
    IFeedStateStore Feeds, IKnowledgeChangeFeed Changes);

/// <summary>
/// What every knowledge store promises, run against LiteDB and PostgreSQL alike (<see cref="LiteDbKnowledgeStoreTests"/>,
/// <see cref="PostgresKnowledgeStoreTests"/>): saves and replaces, all or nothing; the reads the answering engine and the digest
/// use; idempotent data imports; feed state; the revision.
/// </summary>
public abstract class KnowledgeStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    protected KnowledgeStoreSet Stores { get; private set; } = null!;
    protected FakeTimeProvider Time { get; } = new(Now);

    /// <summary>Fresh, empty stores of the implementation under test.</summary>
    protected abstract ValueTask<KnowledgeStoreSet> OpenAsync();

    public async ValueTask InitializeAsync() => Stores = await OpenAsync();

    public abstract ValueTask DisposeAsync();

    private IDocumentStore Documents => Stores.Documents;

    [Fact]
    public void A_saved_document_is_found_by_id_source_key_and_hash_with_its_passages()
    {
        var before = Documents.Revision;
        var (document, passages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs. The cuts hit sales.", "Acme");

        Assert.Equal(SaveOutcome.Added, Documents.Save(document, passages));

        Assert.Equal(before + 1, Documents.Revision);
        var stored = Documents.Get("a1")!;
        Assert.Equal((document.Title, document.Text, document.ContentHash, 1),
            (stored.Title, stored.Text, stored.ContentHash, stored.Version));
        Assert.Equal(["Acme", "Beta"], stored.Companies);
        Assert.Equal(new DateTime(2026, 11, 2), stored.Published!.Value.ToUniversalTime().Date);
        Assert.Equal("a1", Documents.FindBySourceKey("https://example.com/a1")!.Id);
        Assert.Equal("a1", Documents.FindByContentHash(document.ContentHash)!.Id);
        Assert.Null(Documents.Get("missing"));
        Assert.Equal((1, 2), (Documents.DocumentCount, Documents.PassageCount));
        var stored0 = Documents.AllPassages().Single(p => p.Index == 0);
        Assert.Equal(("a1", 0, 19, "Acme cuts 300 jobs."), (stored0.DocumentId, stored0.Start, stored0.End, stored0.Text));
        Assert.Equal(passages[0].Embedding, stored0.Embedding);
    }

    [Fact]
    public void Saving_a_document_again_replaces_it_and_its_passages()
    {
        var (first, passages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs. The cuts hit sales.", "Acme");
        Documents.Save(first, passages);
        var revision = Documents.Revision;

        var (second, fewer) = Article("a1", "https://example.com/a1", "Acme cuts 400 jobs.", "Acme");
        Assert.Equal(SaveOutcome.Updated, Documents.Save(second, fewer));

        var stored = Documents.Get("a1")!;
        Assert.Equal(("Acme cuts 400 jobs.", 2), (stored.Text, stored.Version));
        Assert.Equal(["a1:0"], Documents.AllPassages().Select(p => p.Id));
        Assert.Equal([("a1:0", "Acme cuts 400 jobs.")], Documents.PassagesOf("a1").Select(p => (p.Id, p.Text)));
        Assert.Empty(Documents.PassagesOf("missing"));
        Assert.Equal(1, Documents.DocumentCount);
        Assert.Equal(revision + 1, Documents.Revision);
        Assert.Null(Documents.FindByContentHash(first.ContentHash));
    }

    [Fact]
    public void A_save_that_fails_part_way_leaves_the_previous_version_its_figures_and_the_revision()
    {
        var (first, passages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs. The cuts hit sales.", "Acme");
        Documents.Save(first, passages, saved => Stores.Figures.ReplaceDocument(saved.Id, [Figure(saved.Id, 300)]));
        var revision = Documents.Revision;

        var (second, others) = Article("a1", "https://example.com/a1", "Acme cuts 900 jobs.", "Acme");
        var failure = Assert.Throws<InvalidOperationException>(() => Documents.Save(second, others, saved =>
        {
            Stores.Figures.ReplaceDocument(saved.Id, [Figure(saved.Id, 900)]);
            throw new InvalidOperationException("indexer failed");
        }));
        var (fresh, freshPassages) = Article("b2", "https://example.com/b2", "Beta cuts 50 jobs.", "Beta");
        Assert.Throws<InvalidOperationException>(() =>
            Documents.Save(fresh, freshPassages, _ => throw new InvalidOperationException("indexer failed")));

        Assert.Equal("indexer failed", failure.Message);
        Assert.Equal(("Acme cuts 300 jobs. The cuts hit sales.", 1), (Documents.Get("a1")!.Text, Documents.Get("a1")!.Version));
        Assert.Equal(["a1:0", "a1:1"], Documents.AllPassages().Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal([300], Stores.Figures.ForCompany("Acme").Select(f => f.Count));
        Assert.Null(Documents.Get("b2"));
        Assert.Equal(revision, Documents.Revision);
    }

    [Fact]
    public void The_change_feed_names_the_documents_saved_after_a_revision()
    {
        var start = Documents.Revision;
        var (a1, a1Passages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs.", "Acme");
        var (b2, b2Passages) = Article("b2", "https://example.com/b2", "Beta cuts 50 jobs.", "Beta");
        Documents.Save(a1, a1Passages);
        var afterFirst = Documents.Revision;
        Documents.Save(b2, b2Passages);
        Documents.Save(a1, a1Passages);
        Assert.Throws<InvalidOperationException>(() => Documents.Save(b2, b2Passages, _ => throw new InvalidOperationException("failed")));

        var all = Stores.Changes.ChangesSince(start)!;
        var later = Stores.Changes.ChangesSince(afterFirst)!;
        Assert.Equal((start + 3, "a1 b2"), (all.Revision, string.Join(' ', all.DocumentIds.Order(StringComparer.Ordinal))));
        Assert.Equal((start + 3, "a1 b2"), (later.Revision, string.Join(' ', later.DocumentIds.Order(StringComparer.Ordinal))));
        Assert.Empty(Stores.Changes.ChangesSince(start + 3)!.DocumentIds);
        Assert.Null(Stores.Changes.ChangesSince(start + 4)); // a revision this store never had
    }

    [Fact]
    public void Figures_written_in_a_save_are_replaced_with_the_document_and_listed_by_company()
    {
        var (document, passages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs. The cuts hit sales.", "Acme");
        Documents.Save(document, passages, saved =>
            Stores.Figures.ReplaceDocument(saved.Id, [Figure(saved.Id, 300), Figure(saved.Id, 20, start: 20)]));
        Documents.Save(document, passages, saved => Stores.Figures.ReplaceDocument(saved.Id, [Figure(saved.Id, 310)]));

        var figure = Assert.Single(Stores.Figures.ForCompany("acme"));
        Assert.Equal((310, "a1", new DateOnly(2026, 11, 2), "Example News"),
            (figure.Count, figure.DocumentId, figure.Date, figure.Claimant));
        Assert.Equal(["Acme"], Stores.Figures.Companies());
        Assert.Single(Stores.Figures.All());
        Assert.Empty(Stores.Figures.ForCompany("Beta"));
    }

    [Fact]
    public void The_index_built_from_the_store_finds_what_was_saved_at_the_current_revision()
    {
        var embedder = new HashEmbedder();
        var (acme, acmePassages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs in sales. Offices close.", "Acme", embedder);
        Documents.Save(acme, acmePassages);
        var (beta, betaPassages) = Article("b2", "https://example.com/b2", "Beta hires engineers. Growth continues.", "Beta", embedder);
        Documents.Save(beta, betaPassages);

        var index = KnowledgeIndex.Build(Documents, embedder.Dimensions);
        var hits = new HybridRetriever(Documents, embedder).Search("Beta hires engineers", RetrievalFilter.None, 2);

        Assert.Equal(Documents.Revision, index.Revision);
        Assert.Equal(["a1", "b2"], index.Documents.Select(d => d.Id));
        Assert.Equal(4, index.PassageCount);
        Assert.Equal("b2", hits[0].Document.Id);
        Assert.Equal("Beta hires engineers.", hits[0].Text);
    }

    [Fact]
    public void Documents_are_found_by_ingestion_or_publication_period_and_their_companies_are_listed()
    {
        var (old, oldPassages) = Article("a1", "https://example.com/a1", "Acme cuts 300 jobs.", "Acme");
        Documents.Save(old, oldPassages); // ingested on Nov 26, published Nov 2
        Time.Advance(TimeSpan.FromDays(10));
        var (fresh, freshPassages) = Article("b2", "https://example.com/b2", "Beta cuts 50 jobs.", "Beta");
        fresh.Published = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        Documents.Save(fresh, freshPassages); // ingested on Dec 6

        DateTime Day(int month, int day) => new(2026, month, day, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(["b2"], Documents.IngestedOrPublished(Day(12, 1), Day(12, 31), Day(12, 1), Day(12, 31)).Select(d => d.Id));
        Assert.Equal(["a1"], Documents.IngestedOrPublished(Day(12, 1), Day(12, 1), Day(11, 1), Day(11, 3)).Select(d => d.Id));
        Assert.Equal(["a1", "b2"], Documents.IngestedOrPublished(Day(11, 26), Day(11, 27), Day(1, 1), Day(1, 6)).Select(d => d.Id).Order());
        Assert.Equal(["Acme", "Beta", "Beta", "Beta"], Documents.DocumentCompanies().Order(StringComparer.Ordinal));
        Assert.Equal(["a1", "b2"], Documents.ListDocuments().Select(d => d.Id));
    }

    [Fact]
    public void Importing_the_layoffs_fyi_files_twice_changes_nothing_the_second_time()
    {
        var importer = new LayoffsFyiImporter(Stores.Rows);
        var first = importer.Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent], TestContext.Current.CancellationToken);
        var count = Stores.Rows.Count();
        var second = importer.Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent], TestContext.Current.CancellationToken);

        Assert.True(first.Added > 4000, $"only {first.Added} rows added");
        Assert.Equal((0, 0), (second.Added, second.Updated));
        Assert.True(second.Unchanged >= count, $"{second.Unchanged} unchanged of {count} rows");
        Assert.Equal(count, Stores.Rows.Count());
        var january = Assert.Single(Stores.Rows.At("layoffs_fyi.csv", 2600)); // "Amazon,...,8000,01-04-2023,0.02"
        Assert.Equal(("Amazon", "2023-01-04", 8000, 0.02), (january.Company, january.Date, january.Count, january.Percentage));
        Assert.Contains(Stores.Rows.OfCompany(january.CompanyKey), r => r.Id == january.Id);
        Assert.All(Stores.Rows.Between("2023-01-01", "2023-01-31"),
            r => Assert.InRange(r.Date, "2023-01-01", "2023-01-31", StringComparer.Ordinal));
        Assert.Contains(Stores.Rows.Between("2023-01-04", "2023-01-04"), r => r.Id == january.Id);
    }

    [Fact]
    public void The_rows_revision_moves_with_every_write_of_rows_and_only_then()
    {
        var start = Stores.Rows.Revision;
        new LayoffsFyiImporter(Stores.Rows).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);
        var imported = Stores.Rows.Revision;
        Assert.True(imported > start, $"revision {imported} after an import, {start} before");

        var january = Assert.Single(Stores.Rows.At("layoffs_fyi.csv", 2600));
        january.Count += 1;
        Stores.Rows.Write([], [january]); // the same number of rows, one changed
        var edited = Stores.Rows.Revision;
        Assert.True(edited > imported, $"revision {edited} after an edit, {imported} before");

        Stores.Rows.Write([], []);
        Assert.Equal(edited, Stores.Rows.Revision);
    }

    [Fact]
    public void Latest_rows_come_newest_first_then_largest_and_the_queries_cite_rows_that_verify()
    {
        new LayoffsFyiImporter(Stores.Rows).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);
        var queries = new LayoffDataQueries(Stores.Rows, Stores.Notices, Stores.Figures);

        var latest = Stores.Rows.Latest("2023-01-04", 20);
        Assert.Equal(20, latest.Count);
        Assert.All(latest, r => Assert.True(string.CompareOrdinal(r.Date, "2023-01-04") <= 0));
        var ordered = latest.OrderByDescending(r => r.Date, StringComparer.Ordinal).ThenByDescending(r => r.Count ?? -1)
            .ThenBy(r => r.Id, StringComparer.Ordinal);
        Assert.Equal(ordered, latest);
        var amazon = queries.Rows("Amazon", new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31));
        Assert.Contains(amazon, r => r.Row.Count == 8000);
        Assert.All(amazon, r => Assert.True(queries.VerifyRow(r.Citation)));
        Assert.False(queries.VerifyRow(amazon[0].Citation with { Row = amazon[0].Citation.Row + " (edited)" }));
        Assert.Contains(queries.TopCompanies(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 5), t => t.Company == "Amazon");
        Assert.Equal("Amazon", queries.CompanyNames("amaz", 3)[0]);
    }

    [Fact]
    public void Importing_warn_notices_twice_changes_nothing_the_second_time()
    {
        var importer = new WarnNoticeImporter(Stores.Notices);
        var first = importer.Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);
        var second = importer.Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);

        Assert.True(first.Added > 0);
        Assert.Equal((0, 0, first.Added), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(first.Added, Stores.Notices.Count());
        var any = Stores.Notices.Find([.. Stores.Notices.OfCompany("amazon").Select(n => n.Id)]);
        Assert.NotEmpty(any);
        var notice = any.Values.First();
        Assert.Contains(Stores.Notices.At(notice.File, notice.Line), n => n.Id == notice.Id);
        var queries = new LayoffDataQueries(Stores.Rows, Stores.Notices, Stores.Figures);
        Assert.All(queries.WarnNotices("Amazon", "WA"), n => Assert.True(queries.VerifyRow(n.Citation)));
    }

    [Fact]
    public void Feed_state_is_kept_per_kind_and_url()
    {
        Assert.Null(Stores.Feeds.Find(FeedPoller.CollectionName, "https://example.com/feed"));
        var state = new FeedState
        {
            Url = "https://example.com/feed", ETag = "\"v1\"", ConsecutiveFailures = 2, LastOutcome = "failed", TotalNewItems = 7,
            NextAttemptAt = Now.UtcDateTime.AddMinutes(30), LastPolledAt = Now.UtcDateTime,
        };
        Stores.Feeds.Save(FeedPoller.CollectionName, state);
        state.ETag = "\"v2\"";
        Stores.Feeds.Save(FeedPoller.CollectionName, state);

        var found = Stores.Feeds.Find(FeedPoller.CollectionName, "https://example.com/feed")!;
        Assert.Equal(("\"v2\"", 2, "failed", 7), (found.ETag, found.ConsecutiveFailures, found.LastOutcome, found.TotalNewItems));
        Assert.Equal(Now.UtcDateTime.AddMinutes(30), found.NextAttemptAt.ToUniversalTime());
        Assert.Null(Stores.Feeds.Find(DataFeedPoller.CollectionName, "https://example.com/feed"));
    }

    [Fact]
    public void The_database_id_is_stable_and_seeding_progress_is_kept()
    {
        var id = Stores.Meta.DatabaseId();
        Assert.Null(Stores.Meta.ReadSeeding());
        Stores.Meta.WriteSeeding(new SeedingProgress(["/a", "/b"], []));
        Stores.Meta.WriteSeeding(new SeedingProgress(["/a", "/b"], ["/a"]));

        Assert.Equal(id, Stores.Meta.DatabaseId());
        Assert.Equal(32, id.Length);
        var seeding = Stores.Meta.ReadSeeding()!;
        Assert.Equal(["/a", "/b"], seeding.Paths);
        Assert.Equal(["/a"], seeding.Done);
    }

    private static (DocumentRecord, IReadOnlyList<PassageRecord>) Article(
        string id, string url, string text, string company, HashEmbedder? embedder = null)
    {
        var document = new DocumentRecord
        {
            Id = id, Title = $"{company} news", Url = url, SourceKey = url, Publisher = "Example News", PublishedRaw = "2026-11-02",
            Published = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), PublishedPrecision = "day", Companies = [company, "Beta"],
            SourceKind = "url", ContentHash = DocumentRecord.HashOf(text), Text = text,
        };
        var passages = new List<PassageRecord>();
        var start = 0;
        foreach (var sentence in text.Split(". ", StringSplitOptions.RemoveEmptyEntries))
        {
            var length = sentence.EndsWith('.') ? sentence.Length : sentence.Length + 1;
            var vector = embedder?.Embed(text.Substring(start, length)) ?? [passages.Count + 1f, 0.5f, -2f];
            passages.Add(new PassageRecord
            {
                Id = $"{id}:{passages.Count}", DocumentId = id, Index = passages.Count, Start = start, End = start + length,
                Text = text.Substring(start, length),
                Embedding = System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray(),
            });
            start += length + 1;
        }
        return (document, passages);
    }

    private static ArticleFigure Figure(string documentId, int count, int start = 0) =>
        new("Acme", new DateOnly(2026, 11, 2), count, null, $"Acme cuts {count} jobs.", documentId, start, start + 19, "Example News");
}
