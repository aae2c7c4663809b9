using Bot.Knowledge.Ingestion;

namespace Bot.Host.Hosting;

/// <summary>On <c>serve</c>, fills an empty knowledge base from the seed paths (or completes an interrupted seeding) in the background, as <c>ask</c> does.</summary>
internal sealed class KnowledgeSeedingService(KnowledgeSeeder seeder, Microsoft.Extensions.Options.IOptions<Bot.Knowledge.KnowledgeOptions> options, ILogger<KnowledgeSeedingService> logger) : BackgroundService
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
