namespace Bot.Host.Chat;

/// <summary>A platform-neutral slash command: its name ("ask", "layoffs", "digest"), its options and who asked.</summary>
/// <param name="IsAdmin">True when the platform says the caller may run admin-only commands.</param>
public sealed record ChatCommand(string Name, IReadOnlyDictionary<string, string> Options, ChatRequest Request, bool IsAdmin);
