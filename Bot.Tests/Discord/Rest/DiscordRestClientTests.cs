using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest;

namespace Bot.Tests.Discord.Rest;

/// <summary>The REST client against the loopback peer, on a fake clock.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string AppId = "1223724819821105283";
    private const string InteractionToken = "interaction-token";
    private readonly WatchedClock _time = new();
    private readonly ListLogger _logs = new();
    private DiscordPeer _peer = null!;
    private DiscordRestClient _rest = null!;

    /// <summary>Each test gets its own loopback Discord, stamping requests with the client's fake clock.</summary>
    public async ValueTask InitializeAsync()
    {
        _peer = await DiscordPeer.StartAsync(_time, Wait.Token());
        var factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new DiscordOptions { Token = "secret-token", ApiBaseUrl = _peer.ApiBaseUrl });
        _rest = new DiscordRestClient(factory, new BucketRegistry(_time), options, _time, _logs.For<DiscordRestClient>());
    }

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    [Fact]
    public async Task A_429_on_the_patch_is_retried_once_retry_after_has_passed()
    {
        var ct = Wait.Token();
        _peer.Script(FromFixture("rest_rate_limit_429_user.json", "PATCH", "/messages/@original"));
        var start = _time.GetUtcNow();

        var edit = _rest.EditOriginalResponseAsync(AppId, InteractionToken, new DiscordMessage { Content = "done" }, null, ct);
        await _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        // It waits on the clock for the body's retry_after (not the 65 s header), logged just before.
        Assert.InRange(await _time.TimerAsync(d => d > TimeSpan.FromSeconds(1), ct), TimeSpan.FromSeconds(64.56),
            TimeSpan.FromSeconds(64.57));
        Assert.Contains("Warning: Discord rate limit on PATCH /webhooks/{application.id}/{interaction.token}/messages/@original: " +
            "retrying in 64.57 s (global: False, scope: user)", _logs.Lines.Select(l => l.ToString()));
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains(InteractionToken, StringComparison.Ordinal));

        var retried = _peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        await Wait.AdvanceUntilAsync(_time, retried, TimeSpan.FromSeconds(1), ct);
        await edit.WaitAsync(ct);
        Assert.InRange((await retried).At - start, TimeSpan.FromSeconds(64.57), TimeSpan.FromSeconds(70)); // not at once
        Assert.Equal("done", (string)(await retried).Json!["content"]!);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route()
    {
        var ct = Wait.Token();
        _peer.Script(FromFixture("rest_rate_limit_429_global.json", "PUT", "/commands"));
        var start = _time.GetUtcNow();

        var register = _rest.BulkOverwriteCommandsAsync(AppId, null, [], ct);
        await Wait.UntilAsync(() => _logs.Lines.Any(l => l.Message.Contains("global: True", StringComparison.Ordinal)), ct);
        var other = _rest.GetGatewayBotAsync(ct); // a different route, also held by the global pause

        await Wait.AdvanceUntilAsync(_time, Task.WhenAll(register, other), TimeSpan.FromSeconds(1), ct);
        var gatewayBot = Assert.Single(_peer.AllRequests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
        Assert.True(gatewayBot.At - start >= TimeSpan.FromSeconds(64.57), $"sent {gatewayBot.At - start} after the 429");
    }

    [Fact]
    public async Task An_exhausted_bucket_holds_the_next_request_until_it_resets()
    {
        var ct = Wait.Token();
        var headers = DiscordFixtures.Json("rest_rate_limit_headers_example.json").AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!);
        _peer.Script(new ScriptedResponse("PATCH", "/messages/@original", 200, headers,
            DiscordFixtures.Text("message_object_example.json")));

        await _rest.EditOriginalResponseAsync(AppId, InteractionToken, new DiscordMessage { Content = "first" }, null, ct);
        var start = _time.GetUtcNow();
        var second = _rest.EditOriginalResponseAsync(AppId, InteractionToken, new DiscordMessage { Content = "second" }, null, ct);
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.TimerAsync(_ => true, ct)); // remaining 0: it waits for the reset

        await Wait.AdvanceUntilAsync(_time, second, TimeSpan.FromMilliseconds(100), ct);
        Assert.Equal(2, _peer.AllRequests.Count);
        Assert.InRange(_peer.AllRequests.Last().At - start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var ct = Wait.Token();
        _peer.Script(new ScriptedResponse("GET", "/gateway/bot", 502, new Dictionary<string, string>(), "Bad Gateway"));

        var info = _rest.GetGatewayBotAsync(ct);
        await Wait.AdvanceUntilAsync(_time, info, TimeSpan.FromMilliseconds(200), ct);
        Assert.Equal(_peer.GatewayUrl, (await info).Url);
        Assert.Equal(2, _peer.AllRequests.Count);
    }

    [Fact]
    public async Task An_invalid_request_fails_with_discords_error_code_and_is_not_retried()
    {
        var ct = Wait.Token();
        _peer.Script(new ScriptedResponse("PUT", "/commands", 400, new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            DiscordFixtures.Text("rest_error_invalid_form_body_request.json")));

        var error = await Assert.ThrowsAsync<DiscordRestException>(()
            => _rest.BulkOverwriteCommandsAsync(AppId, "290926798626357999", [], ct));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.DiscordMessage);
        Assert.Contains("/applications/{application.id}/guilds/{guild.id}/commands", error.Message); // the template: no ids or tokens
        Assert.Single(_peer.AllRequests);
    }

    [Fact]
    public async Task Bot_routes_carry_the_bot_token_and_user_agent_while_webhook_routes_do_not()
    {
        var ct = Wait.Token();

        await _rest.GetGatewayBotAsync(ct);
        await _rest.DeleteOriginalResponseAsync(AppId, InteractionToken, ct);

        var gatewayBot = _peer.AllRequests.First();
        Assert.Equal("Bot secret-token", gatewayBot.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", gatewayBot.Header("User-Agent"));
        var delete = _peer.AllRequests.Last();
        Assert.Equal($"/api/v10/webhooks/{AppId}/{InteractionToken}/messages/@original", delete.Path);
        Assert.Null(delete.Header("Authorization"));
    }

    [Fact]
    public async Task A_reply_with_an_image_is_sent_as_multipart_payload_json_and_files_0()
    {
        var ct = Wait.Token();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        var rendered = new DiscordReplyRenderer().Render(new Bot.Host.Chat.ChatReply
        {
            Text = "Meta's layoffs over time.",
            Image = new Bot.Host.Chat.ChatImage("meta.png", png, "Bar chart of Meta layoffs"),
        });

        await _rest.EditOriginalResponseAsync(AppId, InteractionToken, rendered.Message, rendered.File, ct);

        var request = _peer.AllRequests.Single();
        Assert.StartsWith("multipart/form-data", request.ContentType);
        var body = request.BodyText;
        Assert.Contains("name=payload_json", body);
        Assert.Contains("\"attachments\":[{\"id\":0,\"filename\":\"meta.png\"", body);
        Assert.Contains("attachment://meta.png", body);
        Assert.Contains("name=\"files[0]\"; filename=meta.png", body);
    }

    /// <summary>A 429 fixture (status, headers, body) as a scripted response.</summary>
    private static ScriptedResponse FromFixture(string name, string method, string path)
    {
        var fixture = DiscordFixtures.Json(name);
        var headers = fixture["headers"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        return new ScriptedResponse(method, path, (int)fixture["status"]!, headers, fixture["body"]!.ToJsonString());
    }
}
