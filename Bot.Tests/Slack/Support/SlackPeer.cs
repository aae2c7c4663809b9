using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Bot.Tests.Slack.Support;

/// <summary>
/// A loopback Slack: the Web API methods the bot calls (<c>/api/{method}</c>), the Socket Mode WebSocket
/// (<c>/link</c>), an upload URL and a response URL, on Kestrel at 127.0.0.1:0. Replies come from the shared
/// fixtures; a test can script a one-off reply (e.g. a 429) and awaits the requests it expects.
/// </summary>
internal sealed class SlackPeer : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, Channel<RecordedSlackRequest>> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripted = new();
    private readonly Channel<PeerSocket> _sockets = Channel.CreateUnbounded<PeerSocket>();
    private readonly ConcurrentBag<PeerSocket> _allSockets = [];
    private int _tickets;
    private int _messages;

    private SlackPeer(TimeProvider time) => _time = time;

    public string BaseUrl => _server.BaseUrl;
    public string ApiBaseUrl => BaseUrl + "api/";
    public int ConnectionsOpened => Volatile.Read(ref _tickets);

    public static async Task<SlackPeer> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var peer = new SlackPeer(time);
        peer._server = await LoopbackServer.StartAsync(app =>
        {
            app.Map("/link", peer.AcceptSocketAsync);
            app.MapPost("/api/{method}", peer.ApiAsync);
            app.MapPost("/upload/{id}", ctx => peer.RecordAsync(ctx, "upload", () => ctx.Response.WriteAsync("OK")));
            app.MapPost("/response/{id}", ctx => peer.RecordAsync(ctx, "response_url", () => ctx.Response.WriteAsync("ok")));
        }, cancellationToken);
        return peer;
    }

    /// <summary>The next request to <paramref name="method"/> (a Web API method, "upload" or "response_url").</summary>
    public async Task<RecordedSlackRequest> ExpectAsync(string method, CancellationToken cancellationToken) =>
        await Requests(method).Reader.ReadAsync(cancellationToken);

    /// <summary>True when a request to <paramref name="method"/> arrived and nobody took it yet.</summary>
    public bool HasPending(string method) => Requests(method).Reader.Count > 0;

    public Task<PeerSocket> AcceptSocketAsync(CancellationToken cancellationToken) =>
        _sockets.Reader.ReadAsync(cancellationToken).AsTask();

    /// <summary>Answers the next call of <paramref name="method"/> with this status, headers and JSON body.</summary>
    public void RespondOnce(string method, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, JsonNode body) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue(async ctx =>
        {
            ctx.Response.StatusCode = (int)status;
            foreach (var (name, value) in headers) ctx.Response.Headers[name] = value;
            ctx.Response.ContentType = "application/json; charset=utf-8";
            await ctx.Response.WriteAsync(body.ToJsonString());
        });

    private Channel<RecordedSlackRequest> Requests(string method) =>
        _requests.GetOrAdd(method, _ => Channel.CreateUnbounded<RecordedSlackRequest>());

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var ticket = int.Parse(context.Request.Query["ticket"].ToString());
        var socket = new PeerSocket(await context.WebSockets.AcceptWebSocketAsync(), ticket);
        _allSockets.Add(socket);
        await _sockets.Writer.WriteAsync(socket);
        await socket.Done; // keep the request (and so the socket) alive until the test is done with it
    }

    private Task ApiAsync(HttpContext context)
    {
        var method = (string)context.GetRouteValue("method")!;
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
            return RecordAsync(context, method, () => scripted(context));
        return RecordAsync(context, method, () => DefaultReplyAsync(context, method));
    }

    private async Task RecordAsync(HttpContext context, string method, Func<Task> reply)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new RecordedSlackRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType, body.ToArray(), _time.GetUtcNow());
        await reply();
        await Requests(method).Writer.WriteAsync(request);
    }

    private Task DefaultReplyAsync(HttpContext context, string method)
    {
        JsonNode reply = method switch
        {
            "apps.connections.open" => new JsonObject
            {
                ["ok"] = true,
                ["url"] = $"{BaseUrl.Replace("http://", "ws://")}link/?ticket={Interlocked.Increment(ref _tickets)}",
            },
            "auth.test" => SlackFixtures.Json("slack_auth_test_response_bot.json"),
            "chat.postMessage" => PostMessageReply(),
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = "1700000000.999999" },
            "files.getUploadURLExternal" => new JsonObject
            {
                ["ok"] = true, ["upload_url"] = $"{BaseUrl}upload/F123ABC456", ["file_id"] = "F123ABC456",
            },
            "files.completeUploadExternal" => SlackFixtures.Json("slack_files_completeUploadExternal_response.json"),
            "views.publish" => new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home" } },
            _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(reply.ToJsonString());
    }

    private JsonObject PostMessageReply()
    {
        var reply = SlackFixtures.Json("slack_chat_postMessage_response.json");
        reply["ts"] = $"1700000000.{Interlocked.Increment(ref _messages):D6}";
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _allSockets) socket.Release();
        await _server.DisposeAsync();
    }
}
