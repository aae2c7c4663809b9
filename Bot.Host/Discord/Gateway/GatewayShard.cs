using System.Net.WebSockets;
using Bot.Host.Discord.Gateway.Protocol;
using Bot.Host.Discord.Rest;
using Bot.Host.Net;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// One shard's connection loop: connect, HELLO, IDENTIFY (<c>shard: [id, count]</c>) or RESUME, read until
/// the connection ends, ask <see cref="GatewayReconnectPolicy"/> what next, wait on the clock, repeat. Each
/// shard has its own session, heartbeats and failures; only IDENTIFY is shared, through
/// <see cref="GatewayIdentifyGate"/>. Heartbeats, session state and event handling live in their own classes.
/// </summary>
internal sealed class GatewayShard(
    int id,
    int count,
    DiscordRestClient rest,
    DispatchRouter router,
    GatewayReconnectPolicy policy,
    GatewayIdentifyGate identifyGate,
    DiscordShardState state,
    string token,
    Func<double> jitter,
    TimeProvider time,
    ILogger logger)
{
    private readonly GatewaySession _session = new();
    private int _failedAttempts;

    public int Id => id;

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> fires; throws <see cref="DiscordGatewayFatalException"/> when retrying
    /// cannot help.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            GatewayDisconnect disconnect;
            try
            {
                disconnect = await RunConnectionAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordRestException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized)
            {
                throw Fatal("Discord rejected the bot token (401 on GET /gateway/bot): check Discord:Token.");
            }
            catch (Exception ex)
            {
                // The one boundary of this loop (an HttpClient timeout is an OperationCanceledException too):
                // log, then let the policy decide how long to back off.
                DiscordLog.GatewayConnectionFailed(logger, id, ex);
                disconnect = GatewayDisconnect.ConnectFailed(ex.GetType().Name + ": " + ex.Message);
            }

            var decision = policy.Decide(disconnect, _failedAttempts);
            _failedAttempts++;
            if (decision.Action == GatewayReconnectAction.Stop)
                throw Fatal($"Discord gateway shard {id} stopped for good ({decision.Reason}).");
            if (decision.Action == GatewayReconnectAction.Identify) _session.Reset();

            state.Set(DiscordConnectionStatus.Reconnecting);
            state.Error(decision.Reason);
            DiscordLog.GatewayReconnecting(logger, id, disconnect.ToString(), decision.Action.ToString(), decision.Delay.TotalSeconds);
            if (decision.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(decision.Delay, time, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        state.Set(DiscordConnectionStatus.Stopped);
    }

    private DiscordGatewayFatalException Fatal(string message)
    {
        state.Set(DiscordConnectionStatus.Failed);
        state.Error(message);
        DiscordLog.GatewayFatal(logger, message);
        return new DiscordGatewayFatalException(message);
    }

    /// <summary>One socket's lifetime; returns how it ended.</summary>
    private async Task<GatewayDisconnect> RunConnectionAsync(CancellationToken stoppingToken)
    {
        var resuming = _session.CanResume;
        string url;
        IdentifyTurn? turn = null;
        if (resuming) url = _session.ResumeGatewayUrl!;
        else (url, turn) = await PrepareIdentifyAsync(stoppingToken);
        // Held from before connecting until IDENTIFY is sent (or the attempt fails), so the bucket's
        // next shard counts its 5 s from our IDENTIFY itself.
        using var identifyTurn = turn;
        state.Set(resuming ? DiscordConnectionStatus.Resuming : DiscordConnectionStatus.Connecting);

        await using var socket = new WebSocketConnection();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await socket.ConnectAsync(WithVersion(url), connection.Token);
            return await ConverseAsync(socket, identifyTurn, connection.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down for good: 1000 ends the session cleanly, so Discord shows the bot offline
            // at once instead of holding a dead session open for a resume that will never come.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", closing.Token);
            DiscordLog.GatewayClosedOnShutdown(logger, id);
            throw;
        }
        finally
        {
            await connection.CancelAsync();
        }
    }

    /// <summary>
    /// Before a new session: the gateway URL and IDENTIFY limits from <c>GET /gateway/bot</c>, then a turn to identify
    /// (the daily budget and the 5 s per <c>max_concurrency</c> bucket).
    /// </summary>
    private async Task<(string Url, IdentifyTurn Turn)> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        // Fetched before every IDENTIFY (rare) rather than cached, so session_start_limit is current.
        var info = await rest.GetGatewayBotAsync(cancellationToken);
        if (info.SessionStartLimit is { } limit) identifyGate.Observe(limit);
        var turn = await identifyGate.WaitTurnAsync(id, info.SessionStartLimit?.MaxConcurrency ?? 1, wait =>
        {
            var total = info.SessionStartLimit?.Total ?? 0;
            state.Error($"IDENTIFY budget used up ({total} a day); waiting {wait}");
            DiscordLog.SessionStartLimitReached(logger, id, total, wait.TotalSeconds);
        }, cancellationToken);
        return (info.Url, turn);
    }

    /// <param name="identifyTurn">Null when resuming.</param>
    private async Task<GatewayDisconnect> ConverseAsync(
        WebSocketConnection socket, IdentifyTurn? identifyTurn, CancellationToken cancellationToken)
    {
        var first = await ReadPayloadAsync(socket, cancellationToken);
        if (first is null) return Ended(socket);
        if (first.Op == GatewayOpCode.Reconnect)
        {
            await socket.CloseAsync(DiscordGatewayClient.ResumableCloseStatus, "reconnect requested", cancellationToken);
            return GatewayDisconnect.ReconnectRequested();
        }
        if (first.Op != GatewayOpCode.Hello)
            throw new InvalidDataException($"Expected HELLO (op 10) first, got op {(int)first.Op}.");
        var hello = first.D.Deserialize(DiscordJsonContext.Default.GatewayHello)
            ?? throw new InvalidDataException("HELLO without data.");
        var limiter = new GatewaySendLimiter(time);

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new HeartbeatLoop(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), time, jitter,
            ct => SendAsync(socket, limiter, GatewayOpCode.Heartbeat,
                JsonSerializer.SerializeToElement(_session.Sequence, DiscordJsonContext.Default.NullableInt32), ct));
        var heartbeatTask = heartbeat.RunAsync(heartbeatStop.Token);
        try
        {
            if (identifyTurn is null)
            {
                var resume = new GatewayResume(token, _session.SessionId!, _session.Sequence ?? 0);
                var data = JsonSerializer.SerializeToElement(resume, DiscordJsonContext.Default.GatewayResume);
                await SendAsync(socket, limiter, GatewayOpCode.Resume, data, cancellationToken);
                DiscordLog.GatewayResuming(logger, id, resume.SessionId, resume.Seq);
            }
            else
            {
                var os = Environment.OSVersion.Platform.ToString().ToLowerInvariant();
                var properties = new GatewayIdentifyProperties(os, "layoffbot", "layoffbot");
                var identify = new GatewayIdentify(token, DiscordGatewayClient.Intents, properties, [id, count]);
                var data = JsonSerializer.SerializeToElement(identify, DiscordJsonContext.Default.GatewayIdentify);
                await SendAsync(socket, limiter, GatewayOpCode.Identify, data, cancellationToken);
                identifyTurn.Sent();
                identifyTurn.Dispose();
                DiscordLog.GatewayIdentifying(logger, id, count, DiscordGatewayClient.Intents);
            }

            var readTask = ReadLoopAsync(socket, heartbeat, cancellationToken);
            var finished = await Task.WhenAny(readTask, heartbeatTask);
            if (finished == heartbeatTask && heartbeatTask.IsCompletedSuccessfully)
            {
                // A heartbeat went unacknowledged: drop the socket (not 1000/1001) and resume elsewhere.
                DiscordLog.GatewayZombied(logger, id, hello.HeartbeatInterval);
                socket.Abort();
                await readTask; // ends at once now that the socket is gone
                return GatewayDisconnect.Zombied();
            }
            return await readTask;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            try { await heartbeatTask; }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Stopped with its connection; a send that failed on a dying socket shows up in the read loop's result.
            }
        }
    }

    private async Task<GatewayDisconnect> ReadLoopAsync(
        WebSocketConnection socket, HeartbeatLoop heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            GatewayPayload? payload;
            try
            {
                payload = await ReadPayloadAsync(socket, cancellationToken);
            }
            catch (WebSocketException ex)
            {
                return GatewayDisconnect.Dropped(ex.Message);
            }
            if (payload is null) return Ended(socket);

            switch (payload.Op)
            {
                case GatewayOpCode.Dispatch:
                    _session.Observe(payload.S);
                    await OnDispatchAsync(payload, cancellationToken);
                    break;
                case GatewayOpCode.Heartbeat:
                    await heartbeat.BeatNowAsync(cancellationToken);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    heartbeat.AckReceived();
                    state.HeartbeatAcked(heartbeat.Latency);
                    break;
                case GatewayOpCode.Reconnect:
                    await socket.CloseAsync(DiscordGatewayClient.ResumableCloseStatus, "reconnect requested", cancellationToken);
                    return GatewayDisconnect.ReconnectRequested();
                case GatewayOpCode.InvalidSession:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    await socket.CloseAsync(DiscordGatewayClient.ResumableCloseStatus, "invalid session", cancellationToken);
                    return GatewayDisconnect.InvalidSession(resumable);
            }
        }
    }

    private async ValueTask OnDispatchAsync(GatewayPayload payload, CancellationToken cancellationToken)
    {
        switch (payload.T)
        {
            case "READY":
                var ready = payload.D.Deserialize(DiscordJsonContext.Default.GatewayReady)
                    ?? throw new InvalidDataException("READY without data.");
                _session.Start(ready);
                _failedAttempts = 0;
                state.Set(DiscordConnectionStatus.Connected, ready.SessionId);
                DiscordLog.GatewayReady(logger, id, ready.SessionId, ready.Application?.Id);
                break;
            case "RESUMED":
                _failedAttempts = 0;
                state.Set(DiscordConnectionStatus.Connected, _session.SessionId);
                DiscordLog.GatewayResumed(logger, id, _session.SessionId, _session.Sequence);
                break;
        }
        if (payload.T is { } name) await router.RouteAsync(name, payload.D, cancellationToken);
    }

    /// <summary>The next payload, or null when the socket has closed. Unreadable frames are logged and skipped.</summary>
    private async Task<GatewayPayload?> ReadPayloadAsync(WebSocketConnection socket, CancellationToken cancellationToken)
    {
        while (await socket.Messages.WaitToReadAsync(cancellationToken))
        {
            if (!socket.Messages.TryRead(out var text)) continue;
            try
            {
                if (JsonSerializer.Deserialize(text, DiscordJsonContext.Default.GatewayPayload) is { } payload) return payload;
            }
            catch (JsonException ex)
            {
                DiscordLog.GatewayUnreadablePayload(logger, id, ex.Message);
            }
        }
        return null;
    }

    private static GatewayDisconnect Ended(WebSocketConnection socket) =>
        socket.CloseStatus is { } status
            ? GatewayDisconnect.Closed((int)status, socket.CloseDescription)
            : GatewayDisconnect.Dropped("connection closed without a close frame");

    /// <summary>Discord closes the connection (4002) on a payload over 4096 bytes.</summary>
    private const int MaxPayloadBytes = 4096;

    private static async Task SendAsync(
        WebSocketConnection socket, GatewaySendLimiter limiter, GatewayOpCode op, JsonElement data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new GatewayPayload(op, data), DiscordJsonContext.Default.GatewayPayload);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes)
            throw new InvalidOperationException($"Gateway payload op {(int)op} exceeds {MaxPayloadBytes} bytes.");
        await limiter.WaitAsync(heartbeat: op == GatewayOpCode.Heartbeat, cancellationToken);
        await socket.SendAsync(json, cancellationToken);
    }

    private static Uri WithVersion(string url) =>
        new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
