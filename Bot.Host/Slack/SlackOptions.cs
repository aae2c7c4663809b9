namespace Bot.Host.Slack;

/// <summary>Slack settings (section <c>Slack</c>, environment <c>Slack__BotToken</c> etc.).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string SocketMode = "socket";
    public const string EventsMode = "events";

    /// <summary>Bot token (<c>xoxb-</c>) for the Web API. Slack is enabled only when it is set.</summary>
    public string? BotToken { get; set; }
    /// <summary>App-level token (<c>xapp-</c>, scope connections:write) for Socket Mode.</summary>
    public string? AppToken { get; set; }
    /// <summary>Signing secret for requests Slack sends over HTTP (Events API, slash commands).</summary>
    public string? SigningSecret { get; set; }
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";
    /// <summary><c>socket</c> or <c>events</c>; empty means socket when an app token is set, else events.</summary>
    public string? Mode { get; set; }
    /// <summary>The slash command this app owns; other commands are refused.</summary>
    public string SlashCommand { get; set; } = "/layoffs";
    /// <summary>How many questions are answered at the same time.</summary>
    public int AnswerConcurrency { get; set; } = 4;

    public string EffectiveMode =>
        string.IsNullOrWhiteSpace(Mode)
            ? (string.IsNullOrWhiteSpace(AppToken) ? EventsMode : SocketMode)
            : Mode.Trim().ToLowerInvariant();
}
