using Bot.Host.Discord.Rest;

namespace Bot.Tests.Discord.Rest;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void Reads_the_documented_429_headers()
    {
        var parsed = RateLimitHeaders.Parse(Response("rest_rate_limit_429_user.json").Headers);

        Assert.Equal(new RateLimitHeaders(10, 0, TimeSpan.FromSeconds(64.57), "abcd1234", Global: false, "user"), parsed);
    }

    [Fact]
    public void A_global_429_says_so()
    {
        var parsed = RateLimitHeaders.Parse(Response("rest_rate_limit_429_global.json").Headers);

        Assert.True(parsed.Global);
        Assert.Equal("global", parsed.Scope);
        Assert.Null(parsed.Bucket);
        Assert.Null(parsed.Remaining);
    }

    private static HttpResponseMessage Response(string fixture)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in DiscordFixtures.Json(fixture)["headers"]!.AsObject())
            if (name != "Content-Type") response.Headers.TryAddWithoutValidation(name, (string)value!);
        return response;
    }
}
