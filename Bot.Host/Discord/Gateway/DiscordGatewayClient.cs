using System.Net.WebSockets;
using System.Text.Json;
using Bot.Host.Discord.Gateway.Protocol;
using Bot.Host.Discord.Rest;
using Bot.Host.Net;
using Microsoft.Extensions.Options;

namespace Bot.Host.Discord.Gateway;

/// <summary>
/// The gateway connection loop: connect, HELLO, IDENTIFY or RESUME, read until the connection
/// ends, ask <see cref="GatewayReconnectPolicy"/> what next, wait on the clock, repeat. Heartbeats,
/// session state and event handling live in their own classes.
/// </summary>
internal sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    DispatchRouter router,
    GatewaySession session,
    GatewayReconnectPolicy policy,
    DiscordConnectionState state,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger) : BackgroundService
{
    /// <summary>INTERACTION_CREATE is delivered under no intent, so a slash-command bot asks for none.</summary>
    public const int Intents = 0;
    /// <summary>Discord keeps a session resumable after any close code other than 1000/1001.</summary>
    public const WebSocketCloseStatus ResumableCloseStatus = (WebSocketCloseStatus)4900;

    private int _failedAttempts;

    /// <summary>Source of the first-heartbeat jitter (0..1); tests pin it.</summary>
    public Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                DiscordLog.GatewayConnectionFailed(logger, ex);
                disconnect = GatewayDisconnect.ConnectFailed(ex.GetType().Name + ": " + ex.Message);
            }

            var decision = policy.Decide(disconnect, _failedAttempts);
            _failedAttempts++;
            if (decision.Action == GatewayReconnectAction.Stop)
                throw Fatal($"Discord gateway stopped for good ({decision.Reason}).");
            if (decision.Action == GatewayReconnectAction.Identify) session.Reset();

            state.Set(DiscordConnectionStatus.Reconnecting);
            state.Error(decision.Reason);
            DiscordLog.GatewayReconnecting(logger, disconnect.ToString(), decision.Action.ToString(), decision.Delay.TotalSeconds);
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
        var resuming = session.CanResume;
        var url = resuming ? session.ResumeGatewayUrl! : await PrepareIdentifyAsync(stoppingToken);
        state.Set(resuming ? DiscordConnectionStatus.Resuming : DiscordConnectionStatus.Connecting);

        await using var socket = new WebSocketConnection();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await socket.ConnectAsync(WithVersion(url), connection.Token);
            return await ConverseAsync(socket, resuming, connection.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down for good: 1000 ends the session cleanly, so Discord shows the bot offline
            // at once instead of holding a dead session open for a resume that will never come.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", closing.Token);
            DiscordLog.GatewayClosedOnShutdown(logger);
            throw;
        }
        finally
        {
            await connection.CancelAsync();
        }
    }

    /// <summary>Before a new session: the gateway URL and the IDENTIFY budget from <c>GET /gateway/bot</c>.</summary>
    private async Task<string> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        // Fetched before every IDENTIFY (rare) rather than cached, so session_start_limit is current.
        var info = await rest.GetGatewayBotAsync(cancellationToken);
        if (info.SessionStartLimit is { Remaining: <= 0 } limit)
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            state.Error($"IDENTIFY budget used up ({limit.Total} a day); waiting {wait}");
            DiscordLog.SessionStartLimitReached(logger, limit.Total, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
        return info.Url;
    }

    private async Task<GatewayDisconnect> ConverseAsync(WebSocketConnection socket, bool resuming, CancellationToken cancellationToken)
    {
        var first = await ReadPayloadAsync(socket, cancellationToken);
        if (first is null) return Ended(socket);
        if (first.Op == GatewayOpCode.Reconnect)
        {
            await socket.CloseAsync(ResumableCloseStatus, "reconnect requested", cancellationToken);
            return GatewayDisconnect.ReconnectRequested();
        }
        if (first.Op != GatewayOpCode.Hello)
            throw new InvalidDataException($"Expected HELLO (op 10) first, got op {(int)first.Op}.");
        var hello = first.D.Deserialize(DiscordJsonContext.Default.GatewayHello)
            ?? throw new InvalidDataException("HELLO without data.");
        var limiter = new GatewaySendLimiter(time);

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new HeartbeatLoop(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), time, Jitter,
            ct => SendAsync(socket, limiter, GatewayOpCode.Heartbeat, JsonSerializer.SerializeToElement(session.Sequence, DiscordJsonContext.Default.NullableInt32), ct));
        var heartbeatTask = heartbeat.RunAsync(heartbeatStop.Token);
        try
        {
            if (resuming)
            {
                var resume = new GatewayResume(options.Value.Token, session.SessionId!, session.Sequence ?? 0);
                await SendAsync(socket, limiter, GatewayOpCode.Resume, JsonSerializer.SerializeToElement(resume, DiscordJsonContext.Default.GatewayResume), cancellationToken);
                DiscordLog.GatewayResuming(logger, resume.SessionId, resume.Seq);
            }
            else
            {
                var identify = new GatewayIdentify(options.Value.Token, Intents, new GatewayIdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "layoffbot", "layoffbot"));
                await SendAsync(socket, limiter, GatewayOpCode.Identify, JsonSerializer.SerializeToElement(identify, DiscordJsonContext.Default.GatewayIdentify), cancellationToken);
                DiscordLog.GatewayIdentifying(logger, Intents);
            }

            var readTask = ReadLoopAsync(socket, heartbeat, cancellationToken);
            var finished = await Task.WhenAny(readTask, heartbeatTask);
            if (finished == heartbeatTask && heartbeatTask.IsCompletedSuccessfully)
            {
                // A heartbeat went unacknowledged: drop the socket (not 1000/1001) and resume elsewhere.
                DiscordLog.GatewayZombied(logger, hello.HeartbeatInterval);
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

    private async Task<GatewayDisconnect> ReadLoopAsync(WebSocketConnection socket, HeartbeatLoop heartbeat, CancellationToken cancellationToken)
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
                    session.Observe(payload.S);
                    await OnDispatchAsync(payload, cancellationToken);
                    break;
                case GatewayOpCode.Heartbeat:
                    await heartbeat.BeatNowAsync(cancellationToken);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    heartbeat.AckReceived();
                    state.Latency(heartbeat.Latency);
                    break;
                case GatewayOpCode.Reconnect:
                    await socket.CloseAsync(ResumableCloseStatus, "reconnect requested", cancellationToken);
                    return GatewayDisconnect.ReconnectRequested();
                case GatewayOpCode.InvalidSession:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    await socket.CloseAsync(ResumableCloseStatus, "invalid session", cancellationToken);
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
                session.Start(ready);
                _failedAttempts = 0;
                state.Set(DiscordConnectionStatus.Connected, ready.SessionId);
                DiscordLog.GatewayReady(logger, ready.SessionId, ready.Application?.Id);
                break;
            case "RESUMED":
                _failedAttempts = 0;
                state.Set(DiscordConnectionStatus.Connected, session.SessionId);
                DiscordLog.GatewayResumed(logger, session.SessionId, session.Sequence);
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
                DiscordLog.GatewayUnreadablePayload(logger, ex.Message);
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

    private static async Task SendAsync(WebSocketConnection socket, GatewaySendLimiter limiter, GatewayOpCode op, JsonElement data, CancellationToken cancellationToken)
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
