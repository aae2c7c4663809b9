using System.Net.WebSockets;
using System.Threading.Channels;
using Bot.Host.Net;
using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.SocketMode.Protocol;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.SocketMode;

/// <summary>
/// The Socket Mode loop: <c>apps.connections.open</c>, connect, wait for <c>hello</c>, then acknowledge each
/// envelope at once and queue its work. On <c>disconnect</c> it opens the next connection before retiring
/// the old one; on <c>link_disabled</c> it stops; a dropped socket is reconnected after a jittered backoff.
/// </summary>
internal sealed class SlackSocketModeClient(
    AppsApi apps,
    AuthApi auth,
    InboundQueue<SlackInbound> queue,
    SlackConnectionState state,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    public static readonly ExponentialBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WebSocketConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                WebSocketConnection next;
                try
                {
                    await auth.GetBotIdentityAsync(stoppingToken); // our ids are needed before the first event
                    next = await ConnectAsync(stoppingToken);
                    failures = 0;
                }
                catch (SlackApiException ex) when (ex.IsFatal)
                {
                    SlackLog.FatalApiError(logger, ex.Error);
                    state.OnStopped(ex.Error);
                    return;
                }
                catch (Exception ex) when (IsTransient(ex, stoppingToken))
                {
                    if (current is not null)
                    {
                        // Slack asked us to leave it and no replacement came up: serve what it holds and let it go.
                        await RetireAsync(current, stoppingToken);
                        current = null;
                        state.OnDisconnected();
                    }
                    await DelayAsync(++failures, ex, stoppingToken);
                    continue;
                }

                if (current is not null) await RetireAsync(current, stoppingToken);
                current = next;

                switch (await ReceiveAsync(current, stoppingToken))
                {
                    case SocketModeOutcome.LinkDisabled:
                        SlackLog.LinkDisabled(logger);
                        state.OnStopped(Disconnect.LinkDisabled);
                        return;
                    case SocketModeOutcome.Dropped:
                        state.OnDisconnected();
                        await current.DisposeAsync();
                        current = null;
                        await DelayAsync(++failures, null, stoppingToken);
                        break;
                    case SocketModeOutcome.Refresh:
                        break; // the loop opens the next connection, then retires this one
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            state.OnDisconnected();
            if (current is not null)
            {
                await current.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", CancellationToken.None);
                await current.DisposeAsync();
            }
        }
    }

    private async Task<WebSocketConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = await apps.OpenConnectionAsync(cancellationToken);
        var connection = new WebSocketConnection();
        try
        {
            await connection.ConnectAsync(url, cancellationToken);
            using var helloTimeout = new CancellationTokenSource(HelloTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloTimeout.Token);
            while (true)
            {
                var text = await connection.Messages.ReadAsync(linked.Token);
                var type = ReadType(text);
                if (type == "hello")
                {
                    var hello = JsonSerializer.Deserialize(text, SlackJsonContext.Default.Hello);
                    state.OnHello(time.GetUtcNow());
                    SlackLog.Connected(logger, state.Connections, hello?.NumConnections ?? 1);
                    return connection;
                }
                if (type == "disconnect")
                {
                    var reason = JsonSerializer.Deserialize(text, SlackJsonContext.Default.Disconnect)?.Reason ?? "unknown";
                    throw new SlackApiException("socket_mode", reason);
                }
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<SocketModeOutcome> ReceiveAsync(WebSocketConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var text in connection.Messages.ReadAllAsync(cancellationToken))
            {
                if (await HandleFrameAsync(connection, text, cancellationToken) is { } outcome) return outcome;
            }
        }
        catch (WebSocketException) { }
        catch (ChannelClosedException) { }
        return SocketModeOutcome.Dropped;
    }

    /// <summary>Handles one frame; returns an outcome only when the connection is finished.</summary>
    private async Task<SocketModeOutcome?>
        HandleFrameAsync(WebSocketConnection connection, string text, CancellationToken cancellationToken)
    {
        try
        {
            switch (ReadType(text))
            {
                case "disconnect":
                    var reason = JsonSerializer.Deserialize(text, SlackJsonContext.Default.Disconnect)?.Reason ?? "unknown";
                    if (reason == Disconnect.LinkDisabled) return SocketModeOutcome.LinkDisabled;
                    SlackLog.Refreshing(logger, reason);
                    return SocketModeOutcome.Refresh;
                case "events_api" or "slash_commands" or "interactive":
                    var envelope = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketEnvelope)
                        ?? throw new JsonException("empty envelope");
                    await AcknowledgeThenQueueAsync(connection, envelope, cancellationToken);
                    return null;
                default:
                    return null; // hello repeats and future frame types
            }
        }
        catch (JsonException ex)
        {
            SlackLog.BadFrame(logger, ex);
            return null;
        }
    }

    private async Task AcknowledgeThenQueueAsync(WebSocketConnection connection, SocketEnvelope envelope,
        CancellationToken cancellationToken)
    {
        if (envelope.EnvelopeId is not { Length: > 0 } envelopeId) throw new JsonException("envelope without envelope_id");

        SlashCommandPayload? command = null;
        if (envelope.Type == "slash_commands")
            command = envelope.Payload.Deserialize(SlackJsonContext.Default.SlashCommandPayload);
        var ownCommand = command is not null &&
            string.Equals(command.Command, options.Value.SlashCommand, StringComparison.OrdinalIgnoreCase);

        // Ack first: Slack redelivers anything not acknowledged within about 3 seconds.
        var ackPayload = ownCommand && envelope.AcceptsResponsePayload
            ? new ResponseUrlMessage { ResponseType = "ephemeral", Text = "Checking my sources…" }
            : null;
        await connection.SendAsync(JsonSerializer.Serialize(new SocketAck(envelopeId, ackPayload), SlackJsonContext.Default.SocketAck),
            cancellationToken);
        SlackLog.Acked(logger, envelopeId, envelope.Type, envelope.RetryAttempt);

        if (envelope.Type == "events_api" &&
            envelope.Payload.Deserialize(SlackJsonContext.Default.EventCallback) is { Type: "event_callback", Event: not null } callback)
            await queue.EnqueueAsync(SlackInbound.From(callback), cancellationToken);
        else if (ownCommand)
            await queue.EnqueueAsync(SlackInbound.From(command!), cancellationToken);
        else if (envelope.Type == "interactive" &&
                 envelope.Payload.Deserialize(SlackJsonContext.Default.SlackInteractionPayload) is { } interaction)
            await queue.EnqueueAsync(SlackInbound.From(interaction), cancellationToken);
    }

    /// <summary>Serves what is still buffered on the old connection, then closes it.</summary>
    private async Task RetireAsync(WebSocketConnection old, CancellationToken cancellationToken)
    {
        while (old.Messages.TryRead(out var text))
            await HandleFrameAsync(old, text, cancellationToken);
        await old.CloseAsync(WebSocketCloseStatus.NormalClosure, "refreshed", cancellationToken);
        await old.DisposeAsync();
    }

    private async Task DelayAsync(int attempt, Exception? failure, CancellationToken cancellationToken)
    {
        var delay = Backoff.Delay(attempt);
        SlackLog.Reconnecting(logger, failure, delay.TotalSeconds, attempt);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static string? ReadType(string text) =>
        JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketFrame)?.Type;

    private static bool IsTransient(Exception ex, CancellationToken stoppingToken) => !stoppingToken.IsCancellationRequested && ex
        is HttpRequestException or WebSocketException or SlackApiException or JsonException
        or ChannelClosedException or TimeoutException or OperationCanceledException;
}
