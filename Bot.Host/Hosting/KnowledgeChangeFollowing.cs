namespace Bot.Host.Hosting;

internal static class KnowledgeChangeFollowing
{
    /// <summary>With <c>Knowledge:Store = postgres</c>, <c>serve</c> follows the changes other instances commit.</summary>
    public static IServiceCollection AddKnowledgeChangeFollowing(this IServiceCollection services, IConfiguration configuration)
    {
        if (!KnowledgeStores.IsPostgres(configuration)) return services;
        services.AddSingleton<PostgresChangeListener>();
        services.AddSingleton<KnowledgeChangeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeChangeFollower>());
        services.AddSingleton<IHealthReporter>(sp => sp.GetRequiredService<KnowledgeChangeFollower>());
        return services;
    }
}
