using Microsoft.AspNetCore.Routing;

namespace Bot.Tests.Slack;

/// <summary>How <c>serve</c> wires Slack from settings (<see cref="ServeCommand.BuildApp"/> and the same wiring with a test answer
/// engine).</summary>
public sealed class SlackServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Without_a_bot_token_Slack_is_not_registered()
    {
        await using var app = ServeApp.Build();
        Assert.Null(app.Services.GetService<SlackConnectionState>());
        Assert.DoesNotContain(app.Services.GetServices<IHealthReporter>(), r => r.Name == "slack");
    }

    [Fact]
    public async Task With_a_signing_secret_the_signed_endpoints_are_mapped()
    {
        await using var app = ServeApp.Build(("Slack:BotToken", "xoxb-1"), ("Slack:SigningSecret", "secret"));
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Equal(["/slack/commands", "/slack/events", "/slack/interactions"], routes.Where(r => r!.StartsWith("/slack/")).Order());
        Assert.Equal(SlackOptions.EventsMode, app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.EffectiveMode);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-USER", "Slack:BotToken")]
    [InlineData("Slack:AppToken", "xoxb-WRONG", "Slack:AppToken")]
    [InlineData("Slack:ApiBaseUrl", "not a url", "Slack:ApiBaseUrl")]
    [InlineData("Slack:Mode", "webhooks", "Slack:Mode")]
    [InlineData("Slack:SigningSecret", "", "Slack:SigningSecret")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_it(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:SigningSecret"] = "secret",
            [key] = value,
        };
        if (key == "Slack:SigningSecret") settings["Slack:Mode"] = "events";
        await using var app = SlackBotHost.Build(settings, TimeProvider.System, new RecordingAnswerEngine(), new ListLogger());

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(named, ex.Message);
        if (value.Length > 0) Assert.DoesNotContain(value, ex.Message); // the value itself is never echoed
    }
}
