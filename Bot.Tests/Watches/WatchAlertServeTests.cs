using Bot.Knowledge.Watches;
using Bot.Tests.Watches.Support;
using LiteDB;

namespace Bot.Tests.Watches;

/// <summary>
/// <c>serve</c> with loopback Discord and Slack peers, a real LiteDB file and a fake clock: a channel watching a company
/// gets one alert for a new round within one poll interval, never a second one, not even after a restart.
/// </summary>
public sealed class WatchAlertServeTests
{
    private const string DiscordChannel = "111222333444555666";
    private const string SlackChannel = "C0WATCH01";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(30);

    private static Dictionary<string, string?> Settings(DiscordPeer discord, SlackPeer slack) =>
        PeerSettings.For(discord, slack, ("Knowledge:PollInterval", PollInterval.ToString()), ("Knowledge:SeedOnServe", "false"));

    private static Task<ChatReply> WatchAsync(WebApplication app, string platform, string channel, string action, string company) =>
        WatchCommands.SendAsync(app.Services, platform, channel, action, company, isAdmin: true);

    private static int DiscordPosts(DiscordPeer discord) =>
        discord.AllRequests.Count(r => r.Method == "POST"
            && r.Path.Contains($"/channels/{DiscordChannel}/messages", StringComparison.Ordinal));

    /// <summary>Moves the clock one poll interval on and waits for the next finished pass of the alert job.</summary>
    private static async Task NextPassAsync(WebApplication app, FakeTimeProvider time, CancellationToken ct)
    {
        var runner = app.Services.GetRequiredService<WatchAlertRunner>();
        var done = runner.Passes + 1;
        await Wait.AdvanceToAsync(time, time.GetUtcNow() + PollInterval, () => runner.Passes >= done, ct);
    }

    [Fact]
    public async Task Two_channels_each_get_one_alert_for_a_new_round_within_a_poll_interval_and_none_again_after_a_restart()
    {
        var ct = Wait.Token(20);
        var time = new FakeTimeProvider(Utc("2026-11-26T10:00:00Z"));
        var path = TestDatabase.NewPath();
        await using var discord = await DiscordPeer.StartAsync(ct);
        await using var slack = await SlackPeer.StartAsync(time, ct);
        for (var i = 0; i < 3; i++)
            discord.Script(new ScriptedResponse("POST", $"/channels/{DiscordChannel}/messages", 200, new Dictionary<string, string>(),
                DiscordFixtures.Text("message_object_example.json")));

        await using (var app = DigestServeHost.Build(path, Settings(discord, slack), time, new ListLogger()))
        {
            var rows = app.Services.GetRequiredService<ILiteDatabase>();
            LayoffRowsFile.Import(rows, ("Acme", 120, "2026-09-01"));
            await app.StartAsync(ct);
            Assert.Contains("not posted again", (await WatchAsync(app, "discord", DiscordChannel, "add", "Acme")).Text);
            Assert.False((await WatchAsync(app, "slack", SlackChannel, "add", "acme")).IsError);
            Assert.True((await WatchAsync(app, "slack", SlackChannel, "add", "Acme")).IsError); // already watched

            // A pass with nothing new posts nothing (the September round was known when the watches were added).
            await NextPassAsync(app, time, ct);
            Assert.Equal(0, DiscordPosts(discord));
            Assert.False(slack.HasPending("chat.postMessage"));

            // A new row arrives: within one poll interval each channel gets one alert with the figure, date and row.
            LayoffRowsFile.Import(rows, ("Acme", 120, "2026-09-01"), ("Acme", 300, "2026-11-25"));
            var discordPost = discord.ExpectRequestAsync("POST", $"/channels/{DiscordChannel}/messages", ct);
            var slackPost = slack.ExpectAsync("chat.postMessage", ct);
            var arrived = time.GetUtcNow();
            await NextPassAsync(app, time, ct);
            Assert.True(time.GetUtcNow() - arrived <= PollInterval + TimeSpan.FromMinutes(1));
            var discordText = Encoding.UTF8.GetString((await discordPost).Body);
            Assert.Contains("Watched company Acme: a new layoff round, 300 roles (10%), 25 Nov 2026", discordText);
            Assert.Contains("https://example.com/acme-2026-11-25", discordText);
            var slackMessage = (await slackPost).Json;
            Assert.Equal(SlackChannel, (string)slackMessage["channel"]!);
            Assert.Contains("300 roles", slackMessage.ToJsonString());

            // The next pass repeats nothing.
            await NextPassAsync(app, time, ct);
            Assert.Equal(1, DiscordPosts(discord));
            Assert.False(slack.HasPending("chat.postMessage"));
            var ledger = app.Services.GetRequiredService<WatchAlertLedger>().Entries.All();
            Assert.Equal(2, ledger.Count(e => e.State == DigestDeliveryState.Sent));
            await app.StopAsync(ct);
        }

        // A restart over the same database: the alerts are in the ledger and known to the watches.
        await using (var restarted = DigestServeHost.Build(path, Settings(discord, slack), time, new ListLogger()))
        {
            await restarted.StartAsync(ct);
            await NextPassAsync(restarted, time, ct);
            Assert.Equal(1, DiscordPosts(discord));
            Assert.False(slack.HasPending("chat.postMessage"));
            var list = await WatchAsync(restarted, "slack", SlackChannel, "list", "");
            Assert.Equal(["Acme"], list.Lines);
            await restarted.StopAsync(ct);
        }
    }
}
