using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Bot.Tests.Discord.Support;

/// <summary>
/// A loopback Discord: Kestrel on 127.0.0.1:0 serving the REST routes the bot uses
/// (<c>/api/v10/...</c>) and the gateway WebSocket (<c>/gateway</c>, and <c>/resume</c> as the
/// READY resume URL). Records every REST request; answers with fixture bodies or scripted responses.
/// </summary>
internal sealed class DiscordPeer : IAsyncDisposable
{
    /// <summary>The application id in the READY fixture.</summary>
    public const string ApplicationId = "1030118727418646629";

    private readonly TimeProvider _time;
    private LoopbackServer _server = null!;
    private readonly Channel<RecordedDiscordRequest> _requests = Channel.CreateUnbounded<RecordedDiscordRequest>();
    private readonly Channel<GatewayPeerConnection> _connections = Channel.CreateUnbounded<GatewayPeerConnection>();
    private readonly List<ScriptedResponse> _scripted = [];
    private readonly CancellationTokenSource _stopping = new();

    private DiscordPeer(TimeProvider time) => _time = time;

    public Uri BaseUri => _server.BaseUri;
    public string ApiBaseUrl => new Uri(BaseUri, "api/v10").ToString();
    public string GatewayUrl => _server.WebSocketUrl("gateway");
    public string ResumeUrl => _server.WebSocketUrl("resume");
    /// <summary>Every REST request, in arrival order (also those answered by a script).</summary>
    public ConcurrentQueue<RecordedDiscordRequest> AllRequests { get; } = new();

    public static Task<DiscordPeer> StartAsync(CancellationToken cancellationToken) => StartAsync(TimeProvider.System, cancellationToken);

    /// <param name="time">Stamps each request's <see cref="RecordedDiscordRequest.At"/>: pass the bot's fake clock to check
    /// when it came.</param>
    public static async Task<DiscordPeer> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var peer = new DiscordPeer(time);
        peer._server = await LoopbackServer.StartAsync(app => app.Run(peer.HandleAsync), cancellationToken);
        return peer;
    }

    /// <summary>The next request for which <paramref name="match"/> holds; others are skipped (they stay in <see
    /// cref="AllRequests"/>).</summary>
    public async Task<RecordedDiscordRequest> ExpectRequestAsync(Func<RecordedDiscordRequest, bool> match,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var request = await _requests.Reader.ReadAsync(cancellationToken);
            if (match(request)) return request;
        }
    }

    public Task<RecordedDiscordRequest> ExpectRequestAsync(string method, string pathContains, CancellationToken cancellationToken) =>
        ExpectRequestAsync(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal), cancellationToken);

    public ValueTask<GatewayPeerConnection> AcceptGatewayAsync(CancellationToken cancellationToken)
        => _connections.Reader.ReadAsync(cancellationToken);

    public bool HasPendingGatewayConnection => _connections.Reader.Count > 0;

    /// <summary>The next matching request gets this response instead of the default.</summary>
    public void Script(ScriptedResponse response)
    {
        lock (_scripted) _scripted.Add(response);
    }

    /// <summary>The READY fixture, pointing its resume URL at this peer.</summary>
    public JsonNode Ready()
    {
        var ready = DiscordFixtures.Json("gateway_ready_real.json");
        ready["d"]!["resume_gateway_url"] = ResumeUrl;
        return ready;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new GatewayPeerConnection(socket, context.Request.Path);
            await _connections.Writer.WriteAsync(connection);
            await connection.RunAsync(_stopping.Token);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var recorded = new RecordedDiscordRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType ?? "",
            body.ToArray(),
            _time.GetUtcNow());
        AllRequests.Enqueue(recorded);
        await _requests.Writer.WriteAsync(recorded);

        if (TakeScripted(recorded) is { } scripted)
        {
            context.Response.StatusCode = scripted.Status;
            foreach (var (name, value) in scripted.Headers) context.Response.Headers[name] = value;
            await context.Response.WriteAsync(scripted.Body);
            return;
        }
        await DefaultResponseAsync(context, recorded);
    }

    private ScriptedResponse? TakeScripted(RecordedDiscordRequest request)
    {
        // Requests arrive concurrently (the registrar and the gateway client start together).
        lock (_scripted)
        {
            var match = _scripted.FirstOrDefault(s => s.Method == request.Method
                && request.Path.Contains(s.PathContains, StringComparison.Ordinal));
            if (match is not null) _scripted.Remove(match);
            return match;
        }
    }

    private Task DefaultResponseAsync(HttpContext context, RecordedDiscordRequest request)
    {
        var path = request.Path;
        if (path.EndsWith("/gateway/bot", StringComparison.Ordinal))
        {
            var info = DiscordFixtures.Json("get_gateway_bot_response.json");
            info["url"] = GatewayUrl;
            info["shards"] = 1;
            return Json(context, 200, info.ToJsonString());
        }
        if (path.EndsWith("/oauth2/applications/@me", StringComparison.Ordinal))
            return Json(context, 200, $$"""{"id":"{{ApplicationId}}","name":"LayoffBot"}""");
        if (path.Contains("/commands", StringComparison.Ordinal) && request.Method == "PUT")
            return Json(context, 200, request.BodyText);
        if (path.EndsWith("/callback", StringComparison.Ordinal) || request.Method == "DELETE")
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }
        if (path.Contains("/webhooks/", StringComparison.Ordinal))
            return Json(context, 200, DiscordFixtures.Text("message_object_example.json"));
        return Json(context, 404, """{"message":"404: Not Found","code":0}""");
    }

    private static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
    }
}
