using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Watches;

/// <summary><c>Knowledge:DataFeeds</c> polling against a loopback table server: conditional GET, the address rules and the size
/// cap.</summary>
public sealed class DataFeedPollerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private readonly KnowledgeDatabase _database = KnowledgeDatabase.Open(TestDatabase.NewPath());
    private readonly FakeTimeProvider _time = new(TestTime.Utc("2026-11-26T10:00:00Z"));

    private DataFeedPoller NewPoller(KnowledgeServices services) =>
        new(services.Get<SafeHttpFetcher>(), new DataFileImporter(_database.Database), new LiteFeedStateStore(_database), _time,
            NullLogger<DataFeedPoller>.Instance);

    private int Rows => LayoffDataCollections.RowsOf(_database.Database).Count();

    [Fact]
    public async Task A_table_is_imported_once_then_a_304_imports_nothing_and_its_rows_are_cited_under_its_own_file_name()
    {
        var ct = Wait.Token();
        await using var server = await FeedServer.StartAsync(ct);
        server.SetTable("layoffs", LayoffRowsFile.Csv(("Acme", 120, "2026-09-01"), ("Globex", 300, "2026-09-02")));
        using var services = new KnowledgeServices(_database, new Dictionary<string,
            string?> { ["Knowledge:AllowPrivateAddresses"] = "true" }, _time);
        var poller = NewPoller(services);
        string[] urls = [server.TableUrl("layoffs")];

        Assert.Equal(2, Assert.Single(await poller.PollDueAsync(urls, Interval, ct)).NewItems);
        _time.Advance(Interval);
        var second = Assert.Single(await poller.PollDueAsync(urls, Interval, ct));

        Assert.True(second.NotModified);
        Assert.Equal(2, Rows);
        Assert.Equal(DataTableContent.FileName(urls[0]),
            LayoffDataCollections.RowsOf(_database.Database).FindAll().Select(r => r.File).Distinct().Single());
        var requests = server.RequestsFor("table:layoffs");
        Assert.Equal("", requests[0].IfNoneMatch);
        Assert.StartsWith("\"layoffs-", requests[1].IfNoneMatch); // the stored ETag went back

    }

    [Fact]
    public async Task A_loopback_table_is_refused_without_AllowPrivateAddresses_and_a_table_over_the_size_cap_changes_nothing()
    {
        var ct = Wait.Token();
        await using var server = await FeedServer.StartAsync(ct);
        server.SetTable("layoffs", LayoffRowsFile.Csv(("Acme", 120, "2026-09-01")));
        string[] urls = [server.TableUrl("layoffs")];

        using (var strict = new KnowledgeServices(_database, time: _time))
        {
            var refused = Assert.Single(await NewPoller(strict).PollDueAsync(urls, Interval, ct));
            Assert.Contains("AllowPrivateAddresses", refused.Error);
        }
        using (var capped = new KnowledgeServices(_database, new Dictionary<string, string?>
               { ["Knowledge:AllowPrivateAddresses"] = "true", ["Knowledge:MaxDownloadBytes"] = "100" }, _time))
        {
            _time.Advance(TimeSpan.FromHours(1)); // past the backoff of the refused attempt
            var tooLarge = Assert.Single(await NewPoller(capped).PollDueAsync(urls, Interval, ct));
            Assert.Contains("limit", tooLarge.Error);
        }
        Assert.Equal(0, Rows);
        var state = _database.Database.GetCollection<FeedState>(DataFeedPoller.CollectionName).FindAll().Single();
        Assert.Equal((urls[0], 2, "failed"), (state.Url, state.ConsecutiveFailures, state.LastOutcome));
    }

    public void Dispose() => _database.Dispose();
}
