namespace Bot.Tests.Hosting;

public sealed class ServeHealthTests
{
    [Fact]
    public async Task Serve_without_platform_tokens_reports_the_database_on_health()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = ServeApp.Build();
        await app.StartAsync(ct);
        var url = LoopbackServer.AddressOf(app).ToString();
        using var http = new HttpClient();
        using var response = await http.GetAsync(url + "health", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var components = json.RootElement.GetProperty("components");
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, components.GetProperty("database").GetProperty("detail").GetProperty("documents").GetInt32());
        Assert.False(components.TryGetProperty("discord", out _));
        Assert.False(components.TryGetProperty("slack", out _));
        await app.StopAsync(ct);
    }
}
