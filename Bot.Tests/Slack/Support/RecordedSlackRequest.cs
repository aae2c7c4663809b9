using Microsoft.AspNetCore.WebUtilities;

namespace Bot.Tests.Slack.Support;

/// <summary>One HTTP request the Slack peer received, as it came over the wire.</summary>
internal sealed record RecordedSlackRequest(string Path, string? Authorization, string? ContentType, byte[] Body, DateTimeOffset At)
{
    public string Text => Encoding.UTF8.GetString(Body);
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Text).ToDictionary(p => p.Key, p => p.Value.ToString());
}
