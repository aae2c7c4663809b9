using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Knowledge.Support;

/// <summary>
/// The real knowledge services (LiteDB, MiniLM, ingestion, retrieval, answering) over a database of
/// the test's choice. The MiniLM encoder is shared across tests: loading it is the slow part.
/// </summary>
public sealed class KnowledgeServices : IDisposable
{
    private static readonly Lazy<MiniLmEmbedder> SharedEmbedder = new(() => new MiniLmEmbedder());
    private readonly ServiceProvider _provider;

    public KnowledgeServices(KnowledgeDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(database);
        services.AddSingleton<ITextEmbedder>(SharedEmbedder.Value);
        if (time is not null) services.AddSingleton(time);
        services.AddKnowledge(configuration);
        _provider = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
