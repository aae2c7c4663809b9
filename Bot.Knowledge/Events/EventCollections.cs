using LiteDB;

namespace Bot.Knowledge.Events;

/// <summary>Names and indexes of the LiteDB collections that hold structured layoff data.</summary>
public static class EventCollections
{
    public const string Rows = "events_rows";
    public const string WarnNotices = "events_warn";
    public const string ArticleFigures = "events_article_figures";

    public static ILiteCollection<LayoffRow> RowsOf(ILiteDatabase database)
    {
        var rows = database.GetCollection<LayoffRow>(Rows);
        rows.EnsureIndex(x => x.CompanyKey);
        rows.EnsureIndex(x => x.Date);
        rows.EnsureIndex(x => x.Line);
        return rows;
    }

    public static ILiteCollection<WarnNotice> WarnOf(ILiteDatabase database)
    {
        var notices = database.GetCollection<WarnNotice>(WarnNotices);
        notices.EnsureIndex(x => x.CompanyKey);
        notices.EnsureIndex(x => x.Line);
        return notices;
    }

    public static ILiteCollection<ArticleFigureRecord> FiguresOf(ILiteDatabase database)
    {
        var figures = database.GetCollection<ArticleFigureRecord>(ArticleFigures);
        figures.EnsureIndex(x => x.CompanyKey);
        figures.EnsureIndex(x => x.DocumentId);
        return figures;
    }
}
