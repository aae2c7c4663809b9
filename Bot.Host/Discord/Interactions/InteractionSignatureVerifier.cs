using Bot.Host.Net;
using NSec.Cryptography;

namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Ed25519 check of an HTTP interaction: the signature in <c>X-Signature-Ed25519</c> over
/// UTF-8(<c>X-Signature-Timestamp</c>) followed by the raw body bytes, with the application's
/// public key. Must see the bytes exactly as received: a re-serialised body fails. A signature whose
/// timestamp is more than five minutes from now (either way) is refused as a replay.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
        : this(options.Value.PublicKey ?? throw new InvalidOperationException("Discord:PublicKey is required for HTTP interactions."), time)
    {
    }

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        _publicKey = PublicKey.Import(Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
    }

    /// <summary>True for a valid signature made within <see cref="SignedTimestamp.MaxSkew"/> of now.</summary>
    public bool VerifyFresh(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body, out bool stale)
    {
        stale = false;
        if (!Verify(signatureHex, timestamp, body)) return false;
        stale = !SignedTimestamp.TryParse(timestamp, out var signedAt) || !SignedTimestamp.IsFresh(signedAt, _time);
        return !stale;
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: 128 } || string.IsNullOrEmpty(timestamp) || !signatureHex.All(Uri.IsHexDigit))
            return false;
        var signature = Convert.FromHexString(signatureHex);
        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(timestampBytes.Length));
        return Ed25519.Verify(_publicKey, message, signature);
    }

    /// <summary>The raw primitive, for known-answer tests against RFC 8032.</summary>
    public static bool VerifyRaw(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var key = PublicKey.Import(Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
        return signature.Length == Ed25519.SignatureSize && Ed25519.Verify(key, message, signature);
    }
}
