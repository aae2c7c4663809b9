namespace Bot.Host.Chat;

/// <summary>A button under an answer, in neutral terms; each platform renders it as its own component.</summary>
public sealed record ChatButton(string Label, ChatAction Action);
