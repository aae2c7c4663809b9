using Bot.Host.Slack.Events;

namespace Bot.Tests.Slack.Events;

public sealed class SlackSignatureVerifierTests
{
    private static readonly JsonObject Vectors = SlackFixtures.Json("slack_signature_vectors.json");
    private static readonly long MockNow = (long)Vectors["mock_now_unix"]!;

    public static TheoryData<string> Cases() => new(Vectors["cases"]!.AsArray().Select(c => (string)c!["name"]!));

    private static (SlackSignatureVerifier Verifier, FakeTimeProvider Clock) Create(long secondsFromMockNow = 0)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(MockNow + secondsFromMockNow));
        var options = Options.Create(new SlackOptions { SigningSecret = (string)Vectors["signing_secret"]! });
        return (new SlackSignatureVerifier(options, clock), clock);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signature_vectors_verify_as_expected(string name)
    {
        var vector = Vectors["cases"]!.AsArray().Single(c => (string)c!["name"]! == name)!;
        var (verifier, _) = Create();
        var result = verifier.Verify((string)vector["timestamp"]!, (string)vector["expected_signature"]!,
            Encoding.UTF8.GetBytes((string)vector["raw_body"]!));
        Assert.Equal((bool)vector["expected_valid"]! ? SlackSignatureResult.Valid : SlackSignatureResult.Mismatch, result);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void Only_timestamps_within_five_minutes_of_now_are_accepted(int nowMinusSigning, bool fresh)
    {
        var official = Vectors["cases"]![0]!;
        var (verifier, _) = Create(nowMinusSigning);
        var body = Encoding.UTF8.GetBytes((string)official["raw_body"]!);
        Assert.Equal(fresh ? SlackSignatureResult.Valid : SlackSignatureResult.StaleTimestamp,
            verifier.Verify((string)official["timestamp"]!, (string)official["expected_signature"]!, body));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("not-a-number", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("-1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature)
    {
        var (verifier, _) = Create();
        Assert.Equal(SlackSignatureResult.MissingHeaders, verifier.Verify(timestamp, signature, "body"u8));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57")]
    public void Altered_signatures_are_refused(string signature)
    {
        var official = Vectors["cases"]![0]!;
        var (verifier, _) = Create();
        Assert.Equal(SlackSignatureResult.Mismatch,
            verifier.Verify((string)official["timestamp"]!, signature, Encoding.UTF8.GetBytes((string)official["raw_body"]!)));
    }
}
