namespace Bot.Tests.Knowledge.Support;

/// <summary>A LiteDB file in a fresh temporary folder with the real knowledge services over it; all gone on dispose.</summary>
public sealed class TempKnowledgeBase : IDisposable
{
    public TempKnowledgeBase(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        Database = KnowledgeDatabase.Open(Dir.File("kb.db"));
        Services = new KnowledgeServices(Database, settings, time);
    }

    public TestPaths.TempDir Dir { get; } = new();
    public KnowledgeDatabase Database { get; }
    public KnowledgeServices Services { get; }

    public void Dispose()
    {
        Services.Dispose();
        Database.Dispose();
        Dir.Dispose();
    }
}
