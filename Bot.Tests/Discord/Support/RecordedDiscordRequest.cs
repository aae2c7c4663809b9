namespace Bot.Tests.Discord.Support;

/// <summary>A REST request the bot made to the loopback Discord peer, with the peer's clock reading when it came.</summary>
internal sealed record RecordedDiscordRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, string ContentType, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
