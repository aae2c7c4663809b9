using System.Runtime.CompilerServices;

namespace Bot.Knowledge.LayoffData;

/// <summary>Names and indexes of the LiteDB collections that hold structured layoff data.</summary>
public static class LayoffDataCollections
{
    public const string Rows = "events_rows";
    public const string WarnNotices = "events_warn";
    public const string ArticleFigures = "events_article_figures";

    private static readonly ConditionalWeakTable<BsonMapper, object> MappedBy = [];
    private static readonly Lock MappingGate = new();

    public static ILiteCollection<LayoffRow> RowsOf(ILiteDatabase database) =>
        Mapped(database).GetCollection<LayoffRow>(Rows);

    public static ILiteCollection<WarnNotice> WarnOf(ILiteDatabase database) =>
        Mapped(database).GetCollection<WarnNotice>(WarnNotices);

    public static ILiteCollection<ArticleFigureRecord> FiguresOf(ILiteDatabase database) =>
        Mapped(database).GetCollection<ArticleFigureRecord>(ArticleFigures);

    /// <summary>
    /// Builds the mapper's entity maps of our record types once, under a lock. LiteDB 5.0.21 builds them lazily and
    /// not thread-safely (litedb-org/LiteDB#2536): two threads touching a type first at the same time can see a
    /// half-built map and fail with "Member CompanyKey not found on BsonMapper".
    /// </summary>
    private static ILiteDatabase Mapped(ILiteDatabase database)
    {
        var mapper = database.Mapper;
        if (MappedBy.TryGetValue(mapper, out _)) return database;
        lock (MappingGate)
        {
            if (MappedBy.TryGetValue(mapper, out _)) return database;
            mapper.ToDocument(new LayoffRow { ExtraSources = [new SourceReference()] });
            mapper.ToDocument(new WarnNotice { Duplicates = [new SourceReference()] });
            mapper.ToDocument(new ArticleFigureRecord());
            MappedBy.Add(mapper, new object());
        }
        return database;
    }

    /// <summary>
    /// Creates the indexes the queries use. Called once by each store rather than
    /// on every read, because LiteDB's EnsureIndex takes the collection's write lock.
    /// </summary>
    /// <returns><paramref name="database"/>, for a store's field initializer.</returns>
    public static ILiteDatabase Indexed(ILiteDatabase database)
    {
        var rows = RowsOf(database);
        rows.EnsureIndex(x => x.CompanyKey);
        rows.EnsureIndex(x => x.Date);
        rows.EnsureIndex(x => x.Line);
        var notices = WarnOf(database);
        notices.EnsureIndex(x => x.CompanyKey);
        notices.EnsureIndex(x => x.Line);
        var figures = FiguresOf(database);
        figures.EnsureIndex(x => x.CompanyKey);
        figures.EnsureIndex(x => x.DocumentId);
        return database;
    }
}
