using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Events;

/// <summary>Registers the structured layoff data services; an <see cref="ILiteDatabase"/> must be registered too.</summary>
internal static class LayoffDataServiceCollectionExtensions
{
    public static IServiceCollection AddLayoffData(this IServiceCollection services)
    {
        services.AddSingleton(new LayoffEventGroupingOptions());
        services.AddSingleton(sp => new LayoffEventQueries(sp.GetRequiredService<ILiteDatabase>(), sp.GetRequiredService<LayoffEventGroupingOptions>()));
        services.AddSingleton(sp => new ArticleFigureStore(sp.GetRequiredService<ILiteDatabase>()));
        services.AddSingleton(sp => new DataFileImporter(sp.GetRequiredService<ILiteDatabase>(), sp.GetService<ILoggerFactory>()));
        return services;
    }
}
