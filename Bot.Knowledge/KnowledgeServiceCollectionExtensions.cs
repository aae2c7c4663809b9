using Bot.Knowledge.Answering;
using Bot.Knowledge.Answering.Llm;
using Bot.Knowledge.Storage.Postgres;

namespace Bot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base: its stores (LiteDB, or PostgreSQL when <c>Knowledge:Store</c> is <c>postgres</c>), local
    /// embeddings, ingestion, hybrid retrieval and the extractive engine.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Knowledge:DatabasePath must not be empty.")
            .Validate(o => o.Store is KnowledgeStores.LiteDb or KnowledgeStores.Postgres, "Knowledge:Store must be 'litedb' or 'postgres'.")
            .Validate(o => o.Store != KnowledgeStores.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Knowledge:ConnectionString must name the PostgreSQL database when Knowledge:Store is 'postgres'.")
            .Validate(o => o.MaxDownloadBytes > 0, "Knowledge:MaxDownloadBytes must be positive.")
            .Validate(o => o.DownloadTimeoutSeconds > 0, "Knowledge:DownloadTimeoutSeconds must be positive.")
            .Validate(o => o.MaxDocumentBytes > 0, "Knowledge:MaxDocumentBytes must be positive.")
            .Validate(o => o.WriterWaitSeconds >= 0, "Knowledge:WriterWaitSeconds must not be negative.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Proxy)
                || (Uri.TryCreate(o.Proxy, UriKind.Absolute, out var proxy) && proxy.Scheme is "http" or "https"),
                "Knowledge:Proxy must be an absolute http(s) URL such as http://proxy:3128.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var knowledge = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<KnowledgeDatabase>();
            return KnowledgeDatabase.Open(knowledge.DatabasePath, TimeSpan.FromSeconds(knowledge.WriterWaitSeconds),
                message => logger?.LogWarning("{Message}", message));
        });
        // Resolved only by the PostgreSQL stores, which are registered when Knowledge:Store is postgres.
        services.TryAddSingleton(sp => new
            PostgresDatabase(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ConnectionString ?? ""));
        services.TryAddSingleton<LiteDB.ILiteDatabase>(sp => sp.GetRequiredService<KnowledgeDatabase>().Database);
        services.TryAddSingleton<DocumentStore>();
        services.AddKnowledgeStores(configuration);
        services.AddLayoffData();
        services.TryAddSingleton<Charts.LayoffChartRenderer>();
        services.AddSingleton<IDataRowVerifier, DataRowVerifier>();
        services.AddSingleton<IDocumentIndexer, ArticleFigureIndexer>();
        services.TryAddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.TryAddSingleton<CompanyCatalog>();
        services.TryAddSingleton<SafeHttpFetcher>();
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<HybridRetriever>();
        services.AddExtractiveAnswering();
        services.AddLlmAnswering(configuration); // when Answering:Provider is set, IAnswerEngine is the LLM engine
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<ExtractiveAnswerEngine>());
        services.TryAddSingleton<KnowledgeSeeder>();
        return services;
    }
}
