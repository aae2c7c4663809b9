using System.Globalization;
using System.Text;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Plain-text rendering of events and totals, one source per line with its own figure and where it comes from.
/// Used by the CLI; chat replies can reuse it.
/// </summary>
public static class LayoffEventTextFormatter
{
    public static string Event(LayoffEvent layoffEvent)
    {
        var text = new StringBuilder();
        var period = layoffEvent.Start == layoffEvent.End
            ? Iso(layoffEvent.Start)
            : $"{Iso(layoffEvent.Start)} to {Iso(layoffEvent.End)}";
        text.Append(CultureInfo.InvariantCulture, $"{layoffEvent.Company}, {period}");
        var rows = layoffEvent.DatasetRows.ToList();
        if (rows.Count > 1 && layoffEvent.DatasetSum is { } sum)
            text.Append(CultureInfo.InvariantCulture, $": layoffs.fyi rows add up to {sum:N0}");
        if (layoffEvent.HasConflictingCounts) text.Append(" (sources differ; each figure shown as reported)");
        text.AppendLine();
        foreach (var source in layoffEvent.Sources.Where(s => s.Kind != EventSourceKind.WarnNotice)) text.AppendLine("  - " + Source(source));
        // WARN notices come per site; one line per state keeps a 40-site filing readable.
        foreach (var state in layoffEvent.WarnNotices.GroupBy(s => s.Claimant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var notices = state.ToList();
            var employees = notices.Sum(n => n.Count ?? 0);
            var lines = notices.Select(n => n.Row!.Line).Order().ToList();
            var where = lines.Count == 1 ? $"line {lines[0]}" : $"lines {string.Join(", ", lines.Take(5))}{(lines.Count > 5 ? ", ..." : "")}";
            var label = notices.Count == 1 ? "1 notice" : $"{notices.Count} notices";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  - {state.Key.Replace("notice", "notices")} {Iso(notices.Min(n => n.Date))}: {label} covering {employees:N0} employees [{notices[0].Row!.File} {where}]");
        }
        return text.ToString();
    }

    public static string Source(EventSource source)
    {
        var figure = source.Count is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "no head count";
        if (source.Percentage is { } p) figure += $", {DataRowRenderer.Percent(p)}";
        if (source.Row is { } row)
        {
            var where = source.Location is null ? "" : $" ({source.Location})";
            return $"{source.Claimant} {Iso(source.Date)}: {figure}{where} [{row.File} line {row.Line}]{Url(row.Url)}";
        }
        var article = source.Article!;
        return $"{source.Claimant} {Iso(source.Date)}: {figure} \"{article.Quote}\" [{article.DocumentId} {article.Start}-{article.End}]{Url(article.Url)}";
    }

    public static string Total(int rank, CompanyTotal total)
    {
        var counted = total.RowsWithCount == 1 ? "1 row" : $"{total.RowsWithCount} rows";
        var missing = total.RowsWithoutCount > 0 ? $", {total.RowsWithoutCount} more without a head count" : "";
        var biggest = total.Rows[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"{rank,3}. {total.Company,-28} {total.TotalLaidOff,9:N0}  ({counted}{missing}; largest: {biggest.File} line {biggest.Line})");
    }

    private static string Url(string? url) => url is null ? "" : " " + url;

    private static string Iso(DateOnly date) => LayoffDateParser.ToIso(date);
}
