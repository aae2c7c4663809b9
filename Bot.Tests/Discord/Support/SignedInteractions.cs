using System.Net.Http.Headers;
using NSec.Cryptography;

namespace Bot.Tests.Discord.Support;

/// <summary>
/// Posts to <c>/discord/interactions</c> signed as Discord signs, with the RFC 8032 TEST 1 key of the fixture vectors
/// (<c>interaction_signature_ed25519_vectors_derived.json</c>); the bot is configured with their public key.
/// </summary>
internal static class SignedInteractions
{
    public static readonly JsonNode Vectors = DiscordFixtures.Json("interaction_signature_ed25519_vectors_derived.json");

    public static string PublicKey => (string)Vectors["public_key_hex"]!;

    /// <summary>Signs <c>timestamp + body</c> with the vectors' key, stamped <paramref name="signedAt"/>.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(Uri bot, string body, DateTimeOffset signedAt, CancellationToken ct)
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        var seed = Convert.FromHexString((string)Vectors["private_key_seed_hex_for_reproduction_only"]!);
        using var key = Key.Import(algorithm, seed, KeyBlobFormat.RawPrivateKey);
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = algorithm.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        return PostAsync(bot, Encoding.UTF8.GetBytes(body), Convert.ToHexStringLower(signature), timestamp, ct);
    }

    public static async Task<HttpResponseMessage> PostAsync(Uri bot, byte[] body, string signature, string timestamp, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = bot };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = content };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request, ct);
    }
}
