namespace Bot.Tests.Discord;

/// <summary>
/// Two real <c>serve</c> processes with <c>Knowledge:Store=postgres</c> on one PostgreSQL database, each running one
/// shard of two against one loopback Discord: what is coordinated across instances, shown by separate processes.
/// </summary>
[MostlyWaits]
public sealed class TwoDiscordInstancesTests : IAsyncDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private readonly ServeInstances _instances = new();

    [Fact]
    public async Task Each_instance_identifies_its_own_shard_5_s_apart_and_a_replayed_interaction_is_answered_once()
    {
        var ct = HostProcess.Within(TimeSpan.FromSeconds(120));
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var peer = await DiscordPeer.StartAsync(ct); // its /gateway/bot says max_concurrency 1: one bucket
        Start(pg.ConnectionString, peer, shard: 0);
        Start(pg.ConnectionString, peer, shard: 1);

        // Both instances want to identify at once; the shared bucket lets one through, the other 5 s after its IDENTIFY.
        var connections = new Dictionary<int, GatewayPeerConnection>();
        var identifiedAt = new List<DateTimeOffset>();
        for (var i = 0; i < 2; i++)
        {
            var connection = await peer.AcceptGatewayAsync(ct);
            await connection.SendHelloAsync(ct);
            var shard = (await connection.ExpectAsync(2, ct))["d"]!["shard"]!.AsArray().Select(n => (int)n!).ToArray();
            identifiedAt.Add(DateTimeOffset.UtcNow);
            Assert.Equal(2, shard[1]);
            connections.Add(shard[0], connection);
            await connection.SendAsync(peer.Ready(), ct);
        }
        Assert.Equal([0, 1], connections.Keys.Order());
        // Measured at the peer, which reads each IDENTIFY a moment after it was sent: allow that moment.
        Assert.True(identifiedAt[1] - identifiedAt[0] >= TimeSpan.FromSeconds(4.9), $"{identifiedAt[1] - identifiedAt[0]}");

        // An interaction reaches instance one, then again instance two's connection (a replay): one answer.
        var help = InteractionPayloads.Dispatch("help", sequence: 2);
        var callback = $"/interactions/{InteractionPayloads.Id(help)}/";
        await connections[0].SendAsync(help, ct);
        await peer.ExpectRequestAsync("POST", callback, ct);
        await connections[1].SendAsync(help, ct);
        await WaitForOutputAsync(_instances.OutputOf(1), $"Interaction {InteractionPayloads.Id(help)} was delivered again", ct);

        Assert.Single(peer.AllRequests, r => r.Method == "POST" && r.Path.Contains(callback, StringComparison.Ordinal));
    }

    private void Start(string connectionString, DiscordPeer peer, int shard)
    {
        _instances.Start(new Dictionary<string, string>
        {
            ["Knowledge__Store"] = "postgres",
            ["Knowledge__ConnectionString"] = connectionString,
            ["Knowledge__DatabasePath"] = _dir.File("unused.db"),
            ["Knowledge__SeedOnServe"] = "false",
            ["Discord__Token"] = "test-bot-token",
            ["Discord__ApiBaseUrl"] = peer.ApiBaseUrl,
            ["Discord__ShardCount"] = "2",
            ["Discord__ShardIds"] = shard.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            // The refused replay is logged at Information: the signal that instance two handled it.
            ["Logging__LogLevel__Bot.Host.Discord.Interactions"] = "Information",
        });
    }

    private async Task WaitForOutputAsync(StringBuilder output, string text, CancellationToken ct)
    {
        while (true)
        {
            lock (output)
                if (output.ToString().Contains(text, StringComparison.Ordinal)) return;
            _instances.ThrowIfOneStopped();
            await Task.Delay(50, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _instances.DisposeAsync();
        _dir.Dispose();
    }
}
