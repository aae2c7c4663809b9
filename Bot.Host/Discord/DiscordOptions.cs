namespace Bot.Host.Discord;

/// <summary>Settings of the Discord edge (section <c>Discord</c>, env <c>Discord__Token</c> etc.).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public const string GatewayMode = "gateway";
    public const string HttpMode = "http";

    /// <summary>The bot token. Discord is enabled only when this is set. Never logged.</summary>
    public string Token { get; set; } = "";
    /// <summary>Optional: learnt from <c>GET /oauth2/applications/@me</c> when empty.</summary>
    public string? ApplicationId { get; set; }
    /// <summary>The application's Ed25519 public key (64 hex chars); required when <see cref="Mode"/> is http.</summary>
    public string? PublicKey { get; set; }
    /// <summary>Guilds to register commands in (instant updates); commands are global when empty.</summary>
    public List<string> GuildIds { get; set; } = [];
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";
    /// <summary><c>gateway</c> (default, no public URL needed) or <c>http</c> (interactions endpoint).</summary>
    public string Mode { get; set; } = GatewayMode;

    /// <summary>
    /// Gateway shards across all instances: a whole number (default 1) or <c>auto</c> (the <c>shards</c> that
    /// <c>GET /gateway/bot</c> recommends). Every instance of one bot must use the same count.
    /// </summary>
    public string ShardCount { get; set; } = "1";
    /// <summary>The shard ids this instance runs (numbers or ranges such as <c>0-3</c>); empty means all of them.</summary>
    public List<string> ShardIds { get; set; } = [];

    public bool IsHttpMode => string.Equals(Mode, HttpMode, StringComparison.OrdinalIgnoreCase);
}
