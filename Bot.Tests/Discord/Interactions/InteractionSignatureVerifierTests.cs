using Bot.Host.Discord.Interactions;

namespace Bot.Tests.Discord.Interactions;

public sealed class InteractionSignatureVerifierTests
{
    public static TheoryData<string> Rfc8032Vectors() =>
        new(DiscordFixtures.Json("ed25519_rfc8032_test_vectors.json")["vectors"]!.AsArray().Select(v => (string)v!["name"]!));

    public static TheoryData<string> InteractionVectors() =>
        new(DiscordFixtures.Json("interaction_signature_ed25519_vectors_derived.json")["cases"]!.AsArray().Select(c
            => (string)c!["name"]!));

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verifies_the_rfc8032_known_answers(string name)
    {
        var vector = Find(DiscordFixtures.Json("ed25519_rfc8032_test_vectors.json")["vectors"]!, name);
        var valid = InteractionSignatureVerifier.VerifyRaw(
            Convert.FromHexString((string)vector["public_key_hex"]!),
            Convert.FromHexString((string)vector["message_hex"]!),
            Convert.FromHexString((string)vector["signature_hex"]!));
        Assert.Equal((bool)vector["valid"]!, valid);
    }

    [Theory]
    [MemberData(nameof(InteractionVectors))]
    public void Verifies_discord_requests_over_timestamp_and_raw_body(string name)
    {
        var file = DiscordFixtures.Json("interaction_signature_ed25519_vectors_derived.json");
        var vector = Find(file["cases"]!, name);
        var verifier = new InteractionSignatureVerifier((string)file["public_key_hex"]!, TimeProvider.System);
        var valid = verifier.Verify(
            (string)vector["headers"]!["X-Signature-Ed25519"]!,
            (string)vector["headers"]!["X-Signature-Timestamp"]!,
            Encoding.UTF8.GetBytes((string)vector["raw_body"]!));
        Assert.Equal((bool)vector["expected_valid"]!, valid);
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData("", "1700000000")]
    [InlineData("not-hex", "1700000000")]
    [InlineData("f0bd", "1700000000")]
    [InlineData("f0bd878adcef1f6d475c9644421905bd02b5de38e0d3ecfc6f58a711962c69cc" +
        "c8dd7c9db312f9bdf08b1e1b8182e27a844da728c5e0dbb5507bf9931c1ed80b", null)]
    public void Missing_or_malformed_headers_fail(string? signature, string? timestamp)
    {
        var file = DiscordFixtures.Json("interaction_signature_ed25519_vectors_derived.json");
        var verifier = new InteractionSignatureVerifier((string)file["public_key_hex"]!, TimeProvider.System);
        Assert.False(verifier.Verify(signature, timestamp, Encoding.UTF8.GetBytes((string)file["cases"]![0]!["raw_body"]!)));
    }

    private static JsonNode Find(JsonNode array, string name) =>
        array.AsArray().Single(v => (string)v!["name"]! == name)!;
}
