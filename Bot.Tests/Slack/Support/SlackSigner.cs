using System.Security.Cryptography;

namespace Bot.Tests.Slack.Support;

/// <summary>Signs request bodies the way Slack does, for bodies the fixtures have no signature for.</summary>
internal static class SlackSigner
{
    public static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    public static HttpRequestMessage Request(string url, string body, string contentType, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
