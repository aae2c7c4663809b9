using System.CommandLine;
using Bot.Host.Jobs;

namespace Bot.Host.Cli;

/// <summary><c>digest --preview [--since DATE] [--until DATE] [--chart out.png]</c>: prints the digest a channel would get for a period,
/// without posting it.</summary>
internal static class DigestCommand
{
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromDays(7);

    public static Command Create()
    {
        var preview = new Option<bool>("--preview")
            { Description = "Print the digest here instead of posting it (posting is done by serve on the Digest:Cron schedule)." };
        var since = new Option<string?>("--since")
            { Description = "Start of the period: 2025, 2025-06 or 2025-06-01 (default: 7 days ago). The period ends now." };
        var until = new Option<string?>("--until")
            { Description = "End of the period (exclusive): 2025, 2025-06 or 2025-06-01 (default: now)." };
        var chart = new Option<string?>("--chart")
            { Description = "Also write the digest's chart (the period's layoff rounds by day or week, top companies labelled) as a PNG " +
            "to this path." };
        var command = new Command("digest",
            "Preview the layoff digest for a period (new layoff events with reasons, new articles, totals, chart).")
            { preview, since, until, chart };
        command.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(preview), parse.GetValue(since), parse.GetValue(until),
            parse.GetValue(chart),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? db, bool preview, string? since, string? until, string? chartPath, TextWriter output,
        TextWriter errors,
        TimeProvider time, CancellationToken cancellationToken, IDictionary<string, string?>? settings = null)
    {
        if (!preview)
        {
            await errors.WriteLineAsync("error: digest only previews here: add --preview. Scheduled posting runs in `serve` (Digest " +
                "settings, see docs/digest.md).");
            return 2;
        }
        var now = time.GetUtcNow();
        DateTimeOffset? end = null;
        if (until is not null)
        {
            if (!CliDates.TryParseStart(until, out var untilDay))
            {
                await errors.WriteLineAsync($"error: --until '{until}' is not a date: use 2025, 2025-06 or 2025-06-01.");
                return 2;
            }
            end = new DateTimeOffset(untilDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        var from = (end ?? now) - DefaultLookback;
        if (since is not null)
        {
            if (!CliDates.TryParseStart(since, out var day))
            {
                await errors.WriteLineAsync($"error: --since '{since}' is not a date: use 2025, 2025-06 or 2025-06-01.");
                return 2;
            }
            from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (from >= (end ?? now))
            {
                await errors.WriteLineAsync($"error: --since {since} is not before the period's end.");
                return 2;
            }
        }

        using var host = BotHostFactory.CreateCliHost(db, settings);
        await host.Services.GetRequiredService<KnowledgeSeeder>().SeedOrResumeAsync(line => errors.WriteLine(line), cancellationToken);
        await host.Services.GetRequiredService<KnowledgeSeeder>().SeedLayoffDataAsync(errors.WriteLine, cancellationToken);

        // The period ends after seeding, so documents ingested just now count as new.
        now = end ?? time.GetUtcNow();
        var content = host.Services.GetRequiredService<DigestBuilder>().Build(new DigestPeriod(from, now));
        var reply = host.Services.GetRequiredService<DigestRenderer>().Render(content, TimeZoneInfo.Utc);
        await output.WriteLineAsync(Text(reply));
        if (content.IsEmpty)
        {
            var latest = host.Services.GetRequiredService<ILayoffRowStore>().Latest("9999-12-31", 1).FirstOrDefault()?.Date;
            await output.WriteLineAsync($"The period {from:yyyy-MM-dd} – {now:yyyy-MM-dd} has no layoffs.fyi rows and no newly ingested " +
                $"articles"
                + (string.IsNullOrEmpty(latest) ? "" : $" (the latest row is dated {latest})")
                    + ". Try a longer period, e.g. --since 2025-01-01.");
        }
        if (chartPath is not null && content.Chart is { } png)
        {
            await File.WriteAllBytesAsync(chartPath, png, cancellationToken);
            await output.WriteLineAsync($"Chart ({content.ChartLabel}) written to {chartPath} " +
                $"({(png.Length / 1024).ToString(CultureInfo.InvariantCulture)} KB).");
        }
        return 0;
    }

    /// <summary>The reply as plain text: summary, lines, then the numbered quotes with their sources.</summary>
    private static string Text(ChatReply reply)
    {
        var lines = new List<string> { reply.Text };
        if (reply.Lines.Count > 0) lines.Add("");
        lines.AddRange(reply.Lines.Select(l => "  • " + l));
        if (reply.Quotes.Count > 0) lines.Add("");
        foreach (var quote in reply.Quotes)
        {
            lines.Add($"  [{quote.N}] \"{quote.Text}\"");
            var source = quote.Source;
            lines.Add($"      — {source.Title}{(source.Publisher is null ? "" : ", " + source.Publisher)}{(source.Published is null ? ""
                : ", " + source.Published)}{(source.Url is null ? "" : " " + source.Url)}");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
