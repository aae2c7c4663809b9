namespace Bot.Host.Hosting;

/// <summary>
/// Runs the one <see cref="KnowledgeSeeder"/> on <c>serve</c>, in the background so the chat connections open at once
/// (as <c>ask</c> does in the foreground); off with <c>Knowledge:SeedOnServe=false</c>.
/// </summary>
internal sealed class KnowledgeSeedingService(
    KnowledgeSeeder seeder, IOptions<KnowledgeOptions> options, ILogger<KnowledgeSeedingService> logger) : DrainingBackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedOnServe) return;
        try
        {
            await seeder.SeedOrResumeAsync(line => logger.LogInformation("{Line}", line), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
