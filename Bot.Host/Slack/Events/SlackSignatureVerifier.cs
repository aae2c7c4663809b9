using System.Security.Cryptography;
using Bot.Host.Net;

namespace Bot.Host.Slack.Events;

/// <summary>
/// Slack request signing v0: <c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))</c>,
/// compared in constant time, with timestamps more than 5 minutes from now refused (replay protection).
/// </summary>
internal sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature) || !SignedTimestamp.TryParse(timestamp, out var signedAt))
            return SlackSignatureResult.MissingHeaders;
        if (!SignedTimestamp.IsFresh(signedAt, time)) return SlackSignatureResult.StaleTimestamp;

        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.Mismatch;
    }
}

internal enum SlackSignatureResult
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}
