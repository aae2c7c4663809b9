using Bot.Host.Discord.Rest;
using Bot.Host.Net;

namespace Bot.Host.Discord.Commands;

/// <summary>
/// Registers the slash commands at start by bulk overwrite (idempotent: the same list replaces
/// itself), in each configured guild, or globally when none is configured. Retries with backoff
/// while Discord cannot be reached; a refusal (4xx) is logged once, since retrying cannot fix it.
/// </summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient rest,
    DiscordConnectionState state,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    private readonly ExponentialBackoff _backoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RegisterAsync(stoppingToken);
                state.CommandsRegistered();
                return;
            }
            catch (DiscordRestException ex) when ((int)ex.Status is >= 400 and < 500)
            {
                // The bot still answers commands registered earlier; the failure shows in the log and /health.
                state.Error("Registering slash commands failed: " + ex.Message);
                DiscordLog.CommandRegistrationFailed(logger, ex);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = _backoff.Delay(attempt);
                state.Error("Registering slash commands failed: " + ex.Message);
                DiscordLog.CommandRegistrationRetry(logger, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var applicationId = string.IsNullOrWhiteSpace(options.Value.ApplicationId)
            ? (await rest.GetCurrentApplicationAsync(cancellationToken)).Id
            : options.Value.ApplicationId;
        var guilds = options.Value.GuildIds;
        if (guilds.Count == 0)
        {
            await rest.BulkOverwriteCommandsAsync(applicationId, null, DiscordCommandCatalog.Commands, cancellationToken);
            DiscordLog.CommandsRegistered(logger, DiscordCommandCatalog.Commands.Count, "global");
        }
        foreach (var guild in guilds)
        {
            await rest.BulkOverwriteCommandsAsync(applicationId, guild, DiscordCommandCatalog.Commands, cancellationToken);
            DiscordLog.CommandsRegistered(logger, DiscordCommandCatalog.Commands.Count, "guild " + guild);
        }
    }
}
