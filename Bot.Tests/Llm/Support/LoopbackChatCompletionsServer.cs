using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Llm.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1:0 speaking the OpenAI chat completions API on the OpenAI route
/// (<c>POST /v1/chat/completions</c>) and the Azure route
/// (<c>POST /openai/deployments/{deployment}/chat/completions?api-version=...</c>). Each request is
/// recorded and answered by the test's script; the n-th request (from 0) gets <c>Script(request, n)</c>.
/// </summary>
public sealed class LoopbackChatCompletionsServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxHang = TimeSpan.FromSeconds(10);
    private LoopbackServer _server = null!;
    private readonly ConcurrentQueue<ChatCompletionsRequest> _requests = new();
    private readonly SemaphoreSlim _received = new(0);

    public Func<ChatCompletionsRequest, int, ScriptedReply> Script { get; set; } = (_, _) => ScriptedReply.Error(500, "no script");

    public Uri BaseUri => _server.BaseUri;

    /// <summary>The OpenAI-compatible root to configure as <c>Answering:Endpoint</c>.</summary>
    public string OpenAIEndpoint => new Uri(BaseUri, "/v1").ToString();

    public IReadOnlyList<ChatCompletionsRequest> Requests => _requests.ToList();

    public static async Task<LoopbackChatCompletionsServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new LoopbackChatCompletionsServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", server.HandleAsync);
            app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        }, cancellationToken);
        return server;
    }

    /// <summary>Completes when the server has received <paramref name="count"/> more requests.</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++) await _received.WaitAsync(cancellationToken);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = new ChatCompletionsRequest(context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["api-key"].FirstOrDefault(), body!.AsObject());
        var index = _requests.Count;
        _requests.Enqueue(request);
        _received.Release();
        var reply = Script(request, index);
        if (reply.Hang)
        {
            // Answers nothing until the client gives up (bounded, so a broken test cannot hang the run).
            await Task.WhenAny(Task.Delay(MaxHang, context.RequestAborted));
            return;
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _received.Dispose();
    }
}
