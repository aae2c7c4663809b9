namespace Bot.Knowledge.Storage;

public static class MappedCollections
{
    private static readonly Lock MappingGate = new();

    /// <summary>
    /// The collection <paramref name="name"/>, its record type mapped first. LiteDB builds a type's member map lazily and
    /// not thread-safely (litedb-org/LiteDB#2536): <paramref name="sample"/> (with any list a map must see filled) is mapped
    /// under one lock, before two threads can touch the type at once.
    /// </summary>
    public static ILiteCollection<T> MappedCollection<T>(this KnowledgeDatabase database, string name, T sample)
    {
        lock (MappingGate) database.Database.Mapper.ToDocument(sample);
        return database.Database.GetCollection<T>(name);
    }
}
