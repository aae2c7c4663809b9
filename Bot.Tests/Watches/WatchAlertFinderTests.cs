using Bot.Knowledge.Watches;

namespace Bot.Tests.Watches;

/// <summary>Which rounds a watch is due to hear about, over the real importer, pipeline and LiteDB.</summary>
public sealed class WatchAlertFinderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Utc("2026-11-26T10:00:00Z"));
    private readonly TempKnowledgeBase _kb;
    private readonly LayoffDataQueries _queries;
    private readonly LiteDbWatchStore _watches;

    public WatchAlertFinderTests()
    {
        _kb = new TempKnowledgeBase(time: _time);
        _queries = new LayoffDataQueries(_kb.Database.Database);
        _watches = new LiteDbWatchStore(_kb.Database);
    }

    [Fact]
    public void A_newly_ingested_article_stating_a_figure_is_a_new_round_with_its_quote_and_old_history_is_not()
    {
        LayoffRowsFile.Import(_kb.Database.Database, ("Acme", 120, "2026-09-01"));
        var watch = new CompanyWatchFactory(_queries, _time).Create("slack", "C1", "Acme", "U1");
        Assert.True(_watches.TryAdd(watch));
        var finder = new WatchAlertFinder(_queries);
        Assert.Empty(finder.Due(watch));

        const string figure = "Acme is cutting 400 jobs at its desert rocket plant, the company said on Wednesday.";
        NewsArticle.Store(_kb.Services, "acme-400", "Acme", "2026-11-25", figure, title: "Acme cuts 400 jobs");
        // Rows of an old round imported later are history, not news.
        LayoffRowsFile.Import(_kb.Database.Database, ("Acme", 120, "2026-09-01"), ("Acme", 900, "2023-01-10"));

        var alert = Assert.Single(finder.Due(watch));
        var reply = new WatchAlertRenderer(_kb.Services.Get<DocumentStore>()).Render(alert);
        Assert.Equal("Watched company Acme: a new layoff round, 400 roles, 25 Nov 2026, according to Example News [1].", reply.Text);
        Assert.Equal(figure, Assert.Single(reply.Quotes).Text);

        _watches.MarkKnown(watch.Id, alert.SourceKeys);
        Assert.Empty(finder.Due(_watches.All().Single()));
    }

    public void Dispose() => _kb.Dispose();
}
