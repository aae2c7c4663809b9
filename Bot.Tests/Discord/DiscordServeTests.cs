namespace Bot.Tests.Discord;

/// <summary>The <c>serve</c> host as the CLI builds it, with Discord settings.</summary>
public sealed class DiscordServeTests
{
    [Fact]
    public async Task Serve_with_only_a_token_connects_identifies_and_registers_commands()
    {
        var ct = Wait.Token();
        await using var peer = await DiscordPeer.StartAsync(ct);
        // The API base URL only points the bot at the loopback Discord; everything else is default.
        await using var app = ServeApp.Build(("Discord:Token", "serve-token"), ("Discord:ApiBaseUrl", peer.ApiBaseUrl));
        await app.StartAsync(ct);

        var gateway = await peer.AcceptGatewayAsync(ct);
        await gateway.SendHelloAsync(ct);
        var identify = await gateway.ExpectAsync(2, ct);
        Assert.Equal("serve-token", (string)identify["d"]!["token"]!);
        await gateway.SendAsync(peer.Ready(), ct);
        var registration = await peer.ExpectRequestAsync("PUT", "/commands", ct);
        Assert.Equal($"/api/v10/applications/{DiscordPeer.ApplicationId}/commands", registration.Path);

        var state = app.Services.GetRequiredService<DiscordConnectionState>();
        await Wait.UntilAsync(() => state.Status == DiscordConnectionStatus.Connected, ct);
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
        var health = await http.GetStringAsync("health", ct);
        Assert.DoesNotContain("serve-token", health);
        Assert.Equal("connected", (string)JsonNode.Parse(health)!["components"]!["discord"]!["detail"]!["status"]!);
        await app.StopAsync(ct);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, await gateway.Closed.WaitAsync(ct));
    }

    [Fact]
    public async Task Without_a_token_discord_is_not_enabled()
    {
        await using var app = ServeApp.Build();

        Assert.Null(app.Services.GetService<DiscordGatewayClient>());
        Assert.DoesNotContain(app.Services.GetServices<IHealthReporter>(), r => r.Name == "discord");
    }

    [Fact]
    public async Task A_malformed_setting_stops_the_host_at_start_naming_the_setting()
    {
        var ct = Wait.Token();
        await using var app = ServeApp.Build(("Discord:Token", "serve-token"), ("Discord:Mode", "http"),
            ("Discord:GuildIds:0", "not-a-guild"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(ct));

        Assert.Contains("Discord:PublicKey", error.Message);
        Assert.Contains("Discord:GuildIds", error.Message);
        Assert.DoesNotContain("serve-token", error.Message);
    }

    [Theory]
    [InlineData("Mode", "websocket", "Discord:Mode")]
    [InlineData("ApiBaseUrl", "discord.com/api", "Discord:ApiBaseUrl")]
    [InlineData("ApplicationId", "my-app", "Discord:ApplicationId")]
    [InlineData("PublicKey", "abc", "Discord:PublicKey")]
    [InlineData("Token", "Bot abc", "Discord:Token")]
    public void Each_invalid_setting_is_named(string property, string value, string expected)
    {
        var options = new DiscordOptions { Token = "token" };
        typeof(DiscordOptions).GetProperty(property)!.SetValue(options, value);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Defaults_with_a_token_are_valid() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "token" }).Succeeded);

    private static string Address(WebApplication app) => LoopbackServer.AddressOf(app).ToString();
}
