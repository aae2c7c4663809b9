namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Plain-text rendering of rounds and totals, one source per line with its own figure and where it comes from.
/// Used by the CLI; chat replies can reuse it.
/// </summary>
public static class LayoffDataTextFormatter
{
    public static string Round(LayoffRound round)
    {
        var text = new StringBuilder();
        var period = round.Start == round.End
            ? Iso(round.Start)
            : $"{Iso(round.Start)} to {Iso(round.End)}";
        text.Append(CultureInfo.InvariantCulture, $"{round.Company}, {period}");
        var rows = round.DatasetRows.ToList();
        if (rows.Count > 1 && round.DatasetSum is { } sum)
            text.Append(CultureInfo.InvariantCulture, $": layoffs.fyi rows add up to {sum:N0}");
        if (round.HasConflictingCounts) text.Append(" (sources differ; each figure shown as reported)");
        text.AppendLine();
        foreach (var source in round.Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice))
            text.AppendLine("  - " + Source(source));
        // WARN notices come per site; one line per state keeps a 40-site filing readable.
        foreach (var state in round.WarnNotices.GroupBy(s => s.Claimant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var notices = state.ToList();
            var employees = notices.Sum(n => n.Count ?? 0);
            var lines = notices.Select(n => n.Row!.Line).Order().ToList();
            var where = lines.Count == 1 ? $"line {lines[0]}"
                : $"lines {string.Join(", ", lines.Take(5))}{(lines.Count > 5 ? ", ..." : "")}";
            var label = notices.Count == 1 ? "1 notice" : $"{notices.Count} notices";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  - {state.Key.Replace("notice", "notices")} {Iso(notices.Min(n => n.Date))}: {label} covering {employees:N0} " +
                    $"employees [{notices[0].Row!.File} {where}]");
        }
        return text.ToString();
    }

    public static string Source(RoundSource source)
    {
        var figure = source.Count is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "no head count";
        if (source.Percentage is { } p) figure += $", {DataRowRenderer.Percent(p)}";
        if (source.Row is { } row)
        {
            var where = source.Location is null ? "" : $" ({source.Location})";
            return $"{source.Claimant} {Iso(source.Date)}: {figure}{where} [{row.File} line {row.Line}]{Url(row.Url)}";
        }
        var article = source.Article!;
        return $"{source.Claimant} {Iso(source.Date)}: {figure} \"{article.Quote}\" [{article.DocumentId} " +
            $"{article.Start}-{article.End}]{Url(article.Url)}";
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
