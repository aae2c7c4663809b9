namespace Bot.Host.Chat;

/// <summary>
/// A platform-neutral reply. The Discord and Slack renderers turn it into embeds or Block Kit;
/// nothing here knows about either.
/// </summary>
public sealed record ChatReply
{
    /// <summary>The direct answer (or a short message such as a rate-limit notice).</summary>
    public required string Text { get; init; }
    public IReadOnlyList<ChatQuote> Quotes { get; init; } = [];
    /// <summary>Extra lines (timelines, lists of rows) shown after the answer.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
    /// <summary>What the platform titles <see cref="Lines"/> with; null means data rows ("Data").</summary>
    public string? LinesHeading { get; init; }
    public ChatImage? Image { get; init; }
    public bool NoAnswer { get; init; }
    /// <summary>"extractive", "llm", or null for replies that are not answers.</summary>
    public string? Mode { get; init; }
    /// <summary>Shown only to the asking user where the platform supports it.</summary>
    public bool Ephemeral { get; init; }
    /// <summary>True for refusals and errors (rate limit, permission, failure).</summary>
    public bool IsError { get; init; }
    /// <summary>Set when the answer was stored for feedback: platforms put its buttons under it.</summary>
    public string? AnswerId { get; init; }
    /// <summary>The quotes are folded away ("Show sources" brings them back); platforms render <see cref="Quotes"/> only when
    /// false.</summary>
    public bool SourcesHidden { get; init; }

    /// <summary>A short line rather than an answer card (errors, notes such as "Thanks, noted").</summary>
    public bool Plain { get; init; }

    public static ChatReply Error(string text) => new() { Text = text, IsError = true, Ephemeral = true, Plain = true };

    /// <summary>A short private note that is not an error, e.g. the thanks for a vote.</summary>
    public static ChatReply Note(string text) => new() { Text = text, Ephemeral = true, Plain = true };
}

/// <summary>A verbatim quote with its numbered source.</summary>
public sealed record ChatQuote(int N, string Text, ChatSource Source);

public sealed record ChatSource(string Title, string? Url, string? Publisher, string? Published);

/// <summary>A PNG to attach (charts).</summary>
public sealed record ChatImage(string FileName, byte[] Png, string AltText);
