using Bot.Host.Slack;
using Bot.Host.Slack.WebApi;
using Bot.Host.Slack.WebApi.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Slack.WebApi;

/// <summary>The Web API client against the loopback peer: errors, tokens and give-up on endless 429s.</summary>
public sealed class SlackWebApiClientTests
{
    private static (ChatApi Chat, AuthApi Auth, FakeTimeProvider Clock) Create(SlackPeer peer, FakeTimeProvider clock)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-TEST", ApiBaseUrl = peer.ApiBaseUrl });
        var client = new SlackWebApiClient(services.GetRequiredService<IHttpClientFactory>(), options, clock,
            NullLogger<SlackWebApiClient>.Instance);
        return (new ChatApi(client, new SlackChannelPacer(clock)), new AuthApi(client), clock);
    }

    private static PostMessageRequest Message => new() { Channel = "C1", Text = "hello" };

    [Theory]
    [InlineData("slack_chat_postMessage_error.json", "too_many_attachments")]
    [InlineData("slack_error_invalid_auth.json", "invalid_auth")]
    public async Task Ok_false_is_raised_with_Slacks_error_code(string fixture, string error)
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider();
        await using var peer = await SlackPeer.StartAsync(clock, ct);
        var (chat, _, _) = Create(peer, clock);
        peer.RespondOnce("chat.postMessage", HttpStatusCode.OK, new Dictionary<string, string>(), SlackFixtures.Json(fixture));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => chat.PostMessageAsync(Message, ct));
        Assert.Equal(error, ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.DoesNotContain("xoxb", ex.Message);
    }

    [Fact]
    public async Task Auth_test_is_asked_once_and_gives_the_bot_ids()
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider();
        await using var peer = await SlackPeer.StartAsync(clock, ct);
        var (_, auth, _) = Create(peer, clock);

        var first = await auth.GetBotIdentityAsync(ct);
        var again = await auth.GetBotIdentityAsync(ct);
        Assert.Equal(new SlackBotIdentity("W23456789", "BZYBOTHED"), first);
        Assert.Same(first, again);
        Assert.Equal("Bearer xoxb-TEST", (await peer.ExpectAsync("auth.test", ct)).Authorization);
        Assert.False(peer.HasPending("auth.test"));
    }

    [Fact]
    public async Task Gives_up_with_ratelimited_after_repeated_429s()
    {
        var ct = Wait.Token();
        var clock = new FakeTimeProvider();
        await using var peer = await SlackPeer.StartAsync(clock, ct);
        var (chat, _, _) = Create(peer, clock);
        var limited = SlackFixtures.Json("rate_limit_429.json");
        for (var i = 0; i < 4; i++)
            peer.RespondOnce("chat.postMessage", HttpStatusCode.TooManyRequests, new Dictionary<string, string> { ["Retry-After"] = "1" },
                limited["body"]!.DeepClone());

        var post = chat.PostMessageAsync(Message, ct);
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Wait.AdvanceUntilAsync(clock, post, TimeSpan.FromMilliseconds(250), ct));
        Assert.Equal("ratelimited", ex.Error);
    }
}
