using Bot.Host.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Bot.Host.Discord.Commands;

/// <summary>
/// Registers the slash commands once at start by bulk overwrite (idempotent: the same list
/// replaces itself), in each configured guild, or globally when none is configured.
/// </summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient rest,
    DiscordConnectionState state,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var applicationId = string.IsNullOrWhiteSpace(options.Value.ApplicationId)
                ? (await rest.GetCurrentApplicationAsync(stoppingToken)).Id
                : options.Value.ApplicationId;
            var guilds = options.Value.GuildIds;
            if (guilds.Count == 0)
            {
                await rest.BulkOverwriteCommandsAsync(applicationId, null, DiscordCommandCatalog.Commands, stoppingToken);
                DiscordLog.CommandsRegistered(logger, DiscordCommandCatalog.Commands.Count, "global");
            }
            foreach (var guild in guilds)
            {
                await rest.BulkOverwriteCommandsAsync(applicationId, guild, DiscordCommandCatalog.Commands, stoppingToken);
                DiscordLog.CommandsRegistered(logger, DiscordCommandCatalog.Commands.Count, "guild " + guild);
            }
            state.CommandsRegistered();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The bot still answers commands registered earlier; the failure shows in the log and /health.
            state.Error("Registering slash commands failed: " + ex.Message);
            DiscordLog.CommandRegistrationFailed(logger, ex);
        }
    }
}
