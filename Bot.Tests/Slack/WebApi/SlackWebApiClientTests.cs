using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Slack.WebApi;

/// <summary>The Web API client against the loopback peer: errors, tokens and give-up on endless 429s.</summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private SlackPeer _peer = null!;
    private ChatApi _chat = null!;
    private AuthApi _auth = null!;

    /// <summary>Each test gets its own loopback Slack and a client for it on the fake clock.</summary>
    public async ValueTask InitializeAsync()
    {
        _peer = await SlackPeer.StartAsync(_clock, Wait.Token());
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-TEST", ApiBaseUrl = _peer.ApiBaseUrl });
        var client = new SlackWebApiClient(services.GetRequiredService<IHttpClientFactory>(), options, _clock,
            NullLogger<SlackWebApiClient>.Instance);
        _chat = new ChatApi(client, new SlackChannelPacer(_clock));
        _auth = new AuthApi(client);
    }

    public ValueTask DisposeAsync() => _peer.DisposeAsync();

    private static PostMessageRequest Message => new() { Channel = "C1", Text = "hello" };

    [Theory]
    [InlineData("slack_chat_postMessage_error.json", "too_many_attachments")]
    [InlineData("slack_error_invalid_auth.json", "invalid_auth")]
    public async Task Ok_false_is_raised_with_Slacks_error_code(string fixture, string error)
    {
        var ct = Wait.Token();
        _peer.RespondOnce("chat.postMessage", HttpStatusCode.OK, new Dictionary<string, string>(), SlackFixtures.Json(fixture));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _chat.PostMessageAsync(Message, ct));
        Assert.Equal(error, ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.DoesNotContain("xoxb", ex.Message);
    }

    [Fact]
    public async Task Auth_test_is_asked_once_and_gives_the_bot_ids()
    {
        var ct = Wait.Token();

        var first = await _auth.GetBotIdentityAsync(ct);
        var again = await _auth.GetBotIdentityAsync(ct);
        Assert.Equal(new SlackBotIdentity("W23456789", "BZYBOTHED"), first);
        Assert.Same(first, again);
        Assert.Equal("Bearer xoxb-TEST", (await _peer.ExpectAsync("auth.test", ct)).Authorization);
        Assert.False(_peer.HasPending("auth.test"));
    }

    [Fact]
    public async Task Gives_up_with_ratelimited_after_repeated_429s()
    {
        var ct = Wait.Token();
        var limited = SlackFixtures.Json("rate_limit_429.json");
        for (var i = 0; i < 4; i++)
            _peer.RespondOnce("chat.postMessage", HttpStatusCode.TooManyRequests, new Dictionary<string, string> { ["Retry-After"] = "1" },
                limited["body"]!.DeepClone());

        var post = _chat.PostMessageAsync(Message, ct);
        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => Wait.AdvanceUntilAsync(_clock, post, TimeSpan.FromMilliseconds(250), ct));
        Assert.Equal("ratelimited", ex.Error);
    }
}
