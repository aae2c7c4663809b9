using Bot.Knowledge.Storage.Postgres;

namespace Bot.Knowledge;

public static class KnowledgeStoreServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge content's stores, by <c>Knowledge:Store</c>: the LiteDB file (the default), or PostgreSQL, where
    /// the LiteDB file is never opened (its writer lock would keep a second instance out).
    /// </summary>
    public static IServiceCollection AddKnowledgeStores(this IServiceCollection services, IConfiguration configuration)
    {
        if (KnowledgeStores.IsPostgres(configuration))
        {
            services.TryAddSingleton<PostgresDocumentStore>();
            services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<PostgresDocumentStore>());
            services.TryAddSingleton<IKnowledgeMeta>(sp => sp.GetRequiredService<PostgresDocumentStore>());
            services.TryAddSingleton<IKnowledgeChangeFeed>(sp => sp.GetRequiredService<PostgresDocumentStore>());
            services.TryAddSingleton<PostgresLayoffDataStore>();
            services.TryAddSingleton<ILayoffRowStore>(sp => sp.GetRequiredService<PostgresLayoffDataStore>());
            services.TryAddSingleton<IWarnNoticeStore>(sp => sp.GetRequiredService<PostgresLayoffDataStore>());
            services.TryAddSingleton<IArticleFigureStore>(sp => sp.GetRequiredService<PostgresLayoffDataStore>());
            services.TryAddSingleton<IFeedStateStore, PostgresFeedStateStore>();
            return services;
        }
        services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<DocumentStore>());
        services.TryAddSingleton<IKnowledgeMeta>(sp => new LiteKnowledgeMeta(sp.GetRequiredService<KnowledgeDatabase>()));
        services.TryAddSingleton<IKnowledgeChangeFeed>(sp => new LiteKnowledgeChangeFeed(sp.GetRequiredService<KnowledgeDatabase>()));
        services.TryAddSingleton<ILayoffRowStore>(sp => new LiteLayoffRowStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IWarnNoticeStore>(sp => new LiteWarnNoticeStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IArticleFigureStore>(sp => new ArticleFigureStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IFeedStateStore>(sp => new LiteFeedStateStore(sp.GetRequiredService<KnowledgeDatabase>()));
        return services;
    }
}
