namespace Bot.Tests.Discord.Support;

/// <summary>A response the peer gives once to the next request matching <see cref="Method"/> and <see cref="PathContains"/>.</summary>
internal sealed record ScriptedResponse(string Method, string PathContains, int Status, IReadOnlyDictionary<string, string> Headers,
    string Body);
