using Bot.Tests.Watches.Support;
using LiteDB;

namespace Bot.Tests.Watches;

/// <summary>
/// <c>serve</c> polling a CSV table from a loopback server (<c>Knowledge:DataFeeds</c>): a new row reaches a watching
/// Slack channel as one alert; a malformed download shows on /health and changes nothing.
/// </summary>
public sealed class DataFeedServeTests
{
    private const string SlackChannel = "C0WATCH02";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task A_new_row_served_by_a_data_feed_alerts_a_watching_channel_once_and_a_malformed_download_changes_nothing()
    {
        var ct = Wait.Token(20);
        var time = new FakeTimeProvider(Utc("2026-11-26T10:00:00Z"));
        await using var tables = await FeedServer.StartAsync(ct);
        await using var discord = await DiscordPeer.StartAsync(ct);
        await using var slack = await SlackPeer.StartAsync(time, ct);
        tables.SetTable("layoffs", LayoffRowsFile.Csv(("Acme", 120, "2026-09-01")));
        var settings = PeerSettings.For(discord, slack, ("Knowledge:DataFeeds:0", tables.TableUrl("layoffs")),
            ("Knowledge:AllowPrivateAddresses", "true"), ("Knowledge:PollInterval", PollInterval.ToString()),
            ("Knowledge:SeedOnServe", "false"));
        await using var app = DigestServeHost.Build(TestDatabase.NewPath(), settings, time, new ListLogger());
        await app.StartAsync(ct);
        var rows = LayoffDataCollections.RowsOf(app.Services.GetRequiredService<ILiteDatabase>());
        await Wait.UntilAsync(() => rows.Count() == 1, ct);
        var watch = await WatchCommands.SendAsync(app.Services, "slack", SlackChannel, "add", "Acme", isAdmin: false);
        Assert.False(watch.IsError);

        // The table gains a row: the next poll imports it (conditional GET), and the alert follows within a poll interval.
        tables.SetTable("layoffs", LayoffRowsFile.Csv(("Acme", 300, "2026-11-25"), ("Acme", 120, "2026-09-01")));
        var served = time.GetUtcNow();
        var post = slack.ExpectAsync("chat.postMessage", ct);
        await Wait.AdvanceToAsync(time, served + PollInterval, () => post.IsCompleted, ct);
        Assert.InRange(time.GetUtcNow() - served, TimeSpan.Zero, PollInterval + TimeSpan.FromMinutes(1));
        var message = (await post).Json;
        Assert.Equal(SlackChannel, (string)message["channel"]!);
        Assert.Contains("Watched company Acme: a new layoff round, 300 roles (10%), 25 Nov 2026", message.ToJsonString());
        Assert.Contains(tables.RequestsFor("table:layoffs"), r => r.IfNoneMatch.Length > 0); // conditional GET after the first

        // A cut-off download: refused whole, shown on /health, the stored rows and the watch untouched.
        tables.SetTable("layoffs", LayoffRowsFile.Csv(("Acme", 300, "2026-11-25")) + "Globex,SF Bay Area,500.0,2026-11-26");
        var runner = app.Services.GetRequiredService<WatchAlertRunner>();
        var address = LoopbackServer.AddressOf(app).ToString();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        JsonNode? feed = null;
        HttpStatusCode status = default;
        while (feed?["status"]?.GetValue<string>() != "failed")
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20, ct);
            using var response = await http.GetAsync("health", ct);
            status = response.StatusCode;
            feed = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["components"]?["dataFeeds"]?["detail"]?["feeds"]?[0];
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("malformed or cut off", (string)feed!["lastError"]!);
        Assert.Equal(["Acme:2026-09-01:120", "Acme:2026-11-25:300"], rows.FindAll().Select(r => $"{r.Company}:{r.Date}:{r.Count}").Order());
        var passes = runner.Passes;
        await Wait.AdvanceToAsync(time, time.GetUtcNow() + PollInterval, () => runner.Passes > passes, ct);
        Assert.False(slack.HasPending("chat.postMessage"));
        await app.StopAsync(ct);
    }
}
