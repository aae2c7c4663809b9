using Bot.Host.Discord.Gateway;

namespace Bot.Host.Discord;

/// <summary>Checks the <c>Discord</c> section at start; each failure names the setting (never its secret value).</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add("Discord:Token is required (the bot token from the Developer Portal, Bot page).");
        else if (options.Token.Any(char.IsWhiteSpace))
            failures.Add("Discord:Token must not contain whitespace (paste the token alone, without \"Bot \").");

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            failures.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL (got '{options.ApiBaseUrl}').");

        if (!string.Equals(options.Mode, DiscordOptions.GatewayMode, StringComparison.OrdinalIgnoreCase) && !options.IsHttpMode)
            failures.Add($"Discord:Mode must be 'gateway' or 'http' (got '{options.Mode}').");

        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
            failures.Add("Discord:ApplicationId must be a numeric Discord ID.");

        foreach (var guild in options.GuildIds)
            if (!IsSnowflake(guild))
                failures.Add($"Discord:GuildIds contains '{guild}', which is not a numeric Discord ID.");

        if (options.IsHttpMode && !IsHexKey(options.PublicKey))
            failures.Add("Discord:PublicKey is required in http mode: the application's public key, 64 hex characters.");
        else if (!string.IsNullOrWhiteSpace(options.PublicKey) && !IsHexKey(options.PublicKey))
            failures.Add("Discord:PublicKey must be 64 hex characters.");

        var shards = ShardSettings.Parse(options, failures);
        if (options.IsHttpMode && (shards.Count != 1 || shards.Ids is not null))
            failures.Add("Discord:ShardCount and Discord:ShardIds apply to the gateway only: in http mode Discord sends every "
                + "interaction to the one endpoint (remove them, or use Mode=gateway).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSnowflake(string value) => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsHexKey(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);
}
