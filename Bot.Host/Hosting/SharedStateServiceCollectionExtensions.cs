using Bot.Host.State;

namespace Bot.Host.Hosting;

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// The state that decides what is delivered and answered once, and what a user's next message finds: the digest
    /// and watch-alert ledgers, digest subscriptions, watches, answer feedback, thread memory, per-user rate limits and
    /// the inbound deduplicator. <c>Knowledge:Store</c> chooses: <c>litedb</c> keeps it in the knowledge base's file
    /// and in memory (one process); <c>postgres</c> keeps all of it in the shared database, so several instances
    /// deliver each post once, answer each event once and share per-user state.
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services)
    {
        services.TryAddSingleton<DigestLedger>(sp => new DigestLedger(DeliveryLedger(sp, DigestLedger.CollectionName)));
        services.TryAddSingleton<WatchAlertLedger>(sp => new WatchAlertLedger(DeliveryLedger(sp, WatchAlertLedger.CollectionName)));
        services.TryAddSingleton<IDigestSubscriptionStore>(sp => Postgres(sp) is { } pg
            ? new PostgresDigestSubscriptionStore(pg, sp.GetRequiredService<TimeProvider>())
            : new LiteDbDigestSubscriptionStore(sp.GetRequiredService<KnowledgeDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IWatchStore>(sp => Postgres(sp) is { } pg
            ? new PostgresWatchStore(pg)
            : new LiteDbWatchStore(sp.GetRequiredService<KnowledgeDatabase>()));
        services.TryAddSingleton<CompanyWatchFactory>();
        services.TryAddSingleton<IAnswerFeedbackStore>(sp => Postgres(sp) is { } pg
            ? new PostgresAnswerFeedbackStore(pg, sp.GetRequiredService<IOptions<ChatOptions>>(), sp.GetRequiredService<TimeProvider>())
            : new LiteDbAnswerFeedbackStore(sp.GetRequiredService<KnowledgeDatabase>(), sp.GetRequiredService<IOptions<ChatOptions>>(),
                sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConversationMemory>(sp => Postgres(sp) is { } pg
            ? new PostgresConversationMemory(pg, sp.GetRequiredService<TimeProvider>())
            : new InMemoryConversationMemory());
        services.TryAddSingleton<IUserRateLimiter>(sp => Postgres(sp) is { } pg
            ? new PostgresUserRateLimiter(pg, sp.GetRequiredService<IOptions<ChatOptions>>(), sp.GetRequiredService<TimeProvider>())
            : new InMemoryUserRateLimiter(sp.GetRequiredService<IOptions<ChatOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IInboundDeduplicator>(sp => Postgres(sp) is { } pg
            ? new PostgresInboundDeduplicator(pg, sp.GetRequiredService<TimeProvider>())
            : new InMemoryInboundDeduplicator(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static IDeliveryLedger DeliveryLedger(IServiceProvider services, string name) => Postgres(services) is { } pg
        ? new PostgresDeliveryLedger(pg, services.GetRequiredService<TimeProvider>(), name)
        : new LiteDbDeliveryLedger(services.GetRequiredService<KnowledgeDatabase>(), services.GetRequiredService<TimeProvider>(), name);

    /// <summary>The shared database when <c>Knowledge:Store</c> is <c>postgres</c>; null for LiteDB.</summary>
    private static PostgresDatabase? Postgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Store == KnowledgeStores.Postgres
            ? services.GetRequiredService<PostgresDatabase>()
            : null;
}
