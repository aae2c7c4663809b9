namespace Bot.Knowledge.LayoffData;

/// <summary>Registers the structured layoff data services over the stores <c>AddKnowledgeStores</c> registered.</summary>
internal static class LayoffDataServiceCollectionExtensions
{
    public static IServiceCollection AddLayoffData(this IServiceCollection services)
    {
        services.AddSingleton(new LayoffRoundGroupingOptions());
        services.AddSingleton(sp => new LayoffDataQueries(sp.GetRequiredService<ILayoffRowStore>(),
            sp.GetRequiredService<IWarnNoticeStore>(), sp.GetRequiredService<IArticleFigureStore>(),
            sp.GetRequiredService<LayoffRoundGroupingOptions>()));
        services.AddSingleton(sp => new DataFileImporter(sp.GetRequiredService<ILayoffRowStore>(),
            sp.GetRequiredService<IWarnNoticeStore>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<Ingestion.IDataFileImporter>(sp => sp.GetRequiredService<DataFileImporter>());
        return services;
    }
}
