using Npgsql;

namespace Bot.Tests.State;

/// <summary>
/// Two real <c>serve</c> processes with <c>Knowledge:Store=postgres</c> on one PostgreSQL database, each with its own
/// Socket Mode connection to one loopback Slack: what several instances promise, shown by separate processes.
/// </summary>
[MostlyWaits]
public sealed class TwoServeProcessesTests : IAsyncDisposable
{
    private const string DigestChannel = "C0DIGEST";
    private readonly TestPaths.TempDir _dir = new();
    private readonly ServeInstances _instances = new();

    [Fact]
    public async Task Two_instances_post_one_digest_per_period_and_answer_a_Slack_retry_on_the_other_instance_once()
    {
        var ct = HostProcess.Within(TimeSpan.FromSeconds(150));
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var slack = await SlackPeer.StartAsync(TimeProvider.System, ct);
        var a = await StartInstanceAsync(pg.ConnectionString, slack, ct);
        var b = await StartInstanceAsync(pg.ConnectionString, slack, ct);
        var answers = new Answers(slack, DigestChannel);

        // Slack delivers an event to instance a; its retry (the ack was slow) reaches instance b's connection.
        await a.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", "<@W23456789> Did Acme cut jobs?", "1700000001.000100"), ct);
        Assert.Equal("env-1", (string?)(await a.ReceiveJsonAsync(ct))["envelope_id"]);
        await answers.InThreadAsync("1700000001.000100", ct);
        var retry = SlackEnvelopes.Mention("env-2", "Ev1", "<@W23456789> Did Acme cut jobs?", "1700000001.000100");
        retry["retry_attempt"] = 1;
        retry["retry_reason"] = "timeout";
        await b.SendAsync(retry, ct);
        Assert.Equal("env-2", (string?)(await b.ReceiveJsonAsync(ct))["envelope_id"]);
        // b's one worker takes envelopes in order: once the next event is answered, the retry was handled.
        await b.SendAsync(SlackEnvelopes.Mention("env-3", "Ev2", "<@W23456789> Did Globex cut jobs?", "1700000002.000100"), ct);
        await answers.InThreadAsync("1700000002.000100", ct);
        Assert.Equal(1, answers.Count("1700000001.000100"));

        // Both schedulers fire every 2 seconds; let three periods go out, then stop new ones with a period far ahead.
        await using var data = NpgsqlDataSource.Create(pg.ConnectionString);
        await WaitUntilAsync(async () => await CountAsync(data, "state = 'Sent'", ct) >= 3, answers, ct);
        await using (var fence = data.CreateCommand(
            "INSERT INTO delivery_claims (ledger, id, platform, channel_id, period_start, period_end, state, owner, claimed_at) " +
            $"VALUES ('digest_ledger', 'fence', 'slack', '{DigestChannel}', '2099-12-31', '2100-01-01', 'Skipped', 'test', now())"))
            await fence.ExecuteNonQueryAsync(ct);
        await WaitUntilAsync(async () => await CountAsync(data, "state = 'Claimed'", ct) == 0, answers, ct);
        await _instances.StopAsync();

        answers.Drain();
        var periods = await CountAsync(data, "id <> 'fence'", ct);
        Assert.Equal(periods, await CountAsync(data, "id <> 'fence' AND state = 'Sent'", ct));
        Assert.Equal(periods, answers.DigestPosts);
        Assert.True(periods >= 3, $"{periods} periods");
        Assert.False(File.Exists(_dir.File("unused.db")));
    }

    [Fact]
    public async Task An_article_ingested_by_another_process_is_cited_by_a_running_instance_at_once()
    {
        var ct = HostProcess.Within(TimeSpan.FromSeconds(150));
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var slack = await SlackPeer.StartAsync(TimeProvider.System, ct);
        var instance = await StartInstanceAsync(pg.ConnectionString, slack, ct, digest: false);
        var answers = new Answers(slack, DigestChannel);
        const string question = "<@W23456789> How many jobs did Zorblax Robotics cut?";

        // Warm the instance (models loaded, index built on an empty knowledge base): it cannot know yet.
        await instance.SendAsync(SlackEnvelopes.Mention("env-1", "Ev1", question, "1700000001.000100"), ct);
        await instance.ReceiveJsonAsync(ct);
        Assert.DoesNotContain("321", (await answers.InThreadAsync("1700000001.000100", ct)).Text);

        File.WriteAllText(_dir.File("zorblax.md"), """
            ---
            title: Zorblax Robotics cuts 321 jobs
            source_url: https://news.example.com/zorblax-cuts
            publisher: Example Wire
            date_published: 2025-06-02
            company: Zorblax Robotics
            ---

            Zorblax Robotics will cut 321 jobs in its warehouse unit, the company said on June 2, 2025.
            """);
        using (var ingest = HostProcess.Start(["ingest", _dir.File("zorblax.md")], Settings(pg.ConnectionString, slack, digest: false)))
        {
            await ingest.WaitForExitAsync(ct);
            Assert.Equal(0, ingest.ExitCode);
        }

        // Asked right after the other process committed: the running instance follows the change (LISTEN/NOTIFY,
        // then the change feed) and cites the new article, with no restart and no re-seeding.
        var asked = Stopwatch.StartNew();
        await instance.SendAsync(SlackEnvelopes.Mention("env-2", "Ev2", question, "1700000002.000100"), ct);
        await instance.ReceiveJsonAsync(ct);
        var answer = (await answers.InThreadAsync("1700000002.000100", ct)).Text;
        Assert.Contains("321", answer);
        Assert.Contains("zorblax-cuts", answer);
        Assert.True(asked.Elapsed < TimeSpan.FromSeconds(30), $"answered after {asked.Elapsed}");
    }

    private static async Task<long> CountAsync(NpgsqlDataSource data, string where, CancellationToken ct)
    {
        await using var command = data.CreateCommand($"SELECT count(*) FROM delivery_claims WHERE ledger = 'digest_ledger' AND {where}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Polls the database (the processes' shared state) while taking the peer's requests as they come.</summary>
    private async Task WaitUntilAsync(Func<Task<bool>> condition, Answers answers, CancellationToken ct)
    {
        while (!await condition())
        {
            answers.Drain();
            _instances.ThrowIfOneStopped();
            await Task.Delay(100, ct);
        }
    }

    private async Task<PeerSocket> StartInstanceAsync(string connectionString, SlackPeer slack, CancellationToken ct, bool digest = true)
    {
        _instances.Start(Settings(connectionString, slack, digest));
        var socket = await slack.AcceptSocketAsync(ct);
        await socket.SendHelloAsync(ct);
        return socket;
    }

    private Dictionary<string, string> Settings(string connectionString, SlackPeer slack, bool digest)
    {
        var settings = new Dictionary<string, string>
        {
            ["Knowledge__Store"] = "postgres",
            ["Knowledge__ConnectionString"] = connectionString,
            // The same path for both: with PostgreSQL no LiteDB file is opened (a second opener would wait, then stop).
            ["Knowledge__DatabasePath"] = _dir.File("unused.db"),
            ["Knowledge__SeedOnServe"] = "false",
            ["Slack__BotToken"] = "xoxb-TEST",
            ["Slack__AppToken"] = "xapp-test-app-token",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack__AnswerConcurrency"] = "1",
            ["Digest__SlackChannelIds"] = DigestChannel,
            ["Digest__Cron"] = "*/2 * * * * *",
            ["Digest__TimeZone"] = "UTC",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (!digest) settings.Remove("Digest__SlackChannelIds");
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _instances.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>The chat.postMessage requests the peer received: answers by thread, digest posts counted.</summary>
    private sealed class Answers(SlackPeer slack, string digestChannel)
    {
        private readonly Dictionary<string, int> _threads = [];

        public int DigestPosts { get; private set; }

        public int Count(string threadTs) => _threads.GetValueOrDefault(threadTs);

        /// <summary>Waits for the first answer in the thread and returns that request.</summary>
        public async Task<RecordedSlackRequest> InThreadAsync(string threadTs, CancellationToken ct)
        {
            while (true)
            {
                var post = await slack.ExpectAsync("chat.postMessage", ct);
                Take(post);
                if ((string?)post.Json["thread_ts"] == threadTs) return post;
            }
        }

        /// <summary>Takes every request already received.</summary>
        public void Drain()
        {
            while (slack.HasPending("chat.postMessage"))
                Take(slack.ExpectAsync("chat.postMessage", CancellationToken.None).GetAwaiter().GetResult());
        }

        private void Take(RecordedSlackRequest post)
        {
            var json = post.Json;
            if ((string?)json["channel"] == digestChannel) DigestPosts++;
            else if ((string?)json["thread_ts"] is { } thread) _threads[thread] = Count(thread) + 1;
        }
    }
}
