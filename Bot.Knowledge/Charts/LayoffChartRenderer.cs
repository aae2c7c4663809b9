using ScottPlot;

namespace Bot.Knowledge.Charts;

/// <summary>
/// Renders the two layoff charts as PNG bytes small enough to post in a chat (well under 500 KB):
/// a company's head counts by month, the top companies of a period, and a period's rounds by day or week.
/// </summary>
public sealed class LayoffChartRenderer
{
    public const int Width = 1000;
    public const int Height = 600;
    private const float TitleSize = 26;
    private const float AxisLabelSize = 20;
    private const float TickSize = 16;
    private static readonly Color BarColor = Color.FromHex("#2B6CB0");

    /// <summary>
    /// The first installed sans-serif family (DejaVu Sans on Debian: package fonts-dejavu-core). ScottPlot's own
    /// default looks for fonts that Linux rarely has and falls back to a serif face.
    /// </summary>
    private static readonly Lazy<string> SansFont = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(installed.Contains)
            ?? Fonts.Default;
    });

    /// <summary>Bars by calendar month from the first to the last month given (empty months show as gaps).</summary>
    public byte[] CompanyTimeline(string company, IReadOnlyList<MonthTotal> months)
    {
        var plot = NewPlot();
        if (months.Count == 0)
        {
            plot.Title($"{company}: no layoffs.fyi rows in this period", TitleSize);
            return Png(plot);
        }
        var first = months[0].Month;
        var last = months[^1].Month;
        var span = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var byMonth = months.ToDictionary(m => m.Month);
        var bars = new List<Bar>();
        for (var i = 0; i < span; i++)
        {
            var month = first.AddMonths(i);
            if (!byMonth.TryGetValue(month, out var total) || total.TotalLaidOff == 0) continue;
            bars.Add(new Bar
            {
                Position = i, Value = total.TotalLaidOff, FillColor = BarColor,
                Label = total.TotalLaidOff.ToString("N0", CultureInfo.InvariantCulture),
            });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = TickSize - 2;

        // One tick label per month when few, else every Nth month so that labels never overlap.
        var step = span <= 18 ? 1 : span <= 36 ? 3 : span <= 72 ? 6 : 12;
        var ticks = Enumerable.Range(0, span).Where(i => first.AddMonths(i).Month % step == 1 % step || step == 1)
            .Select(i => new Tick(i, first.AddMonths(i).ToString("MMM yyyy", CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 90;

        plot.Title($"{company}: roles cut per month ({first:MMM yyyy} – {last:MMM yyyy})", TitleSize);
        plot.YLabel("Roles cut (layoffs.fyi rows)", AxisLabelSize);
        plot.XLabel("Month", AxisLabelSize);
        plot.Axes.SetLimitsX(-0.75, span - 0.25);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Png(plot);
    }

    /// <summary>Horizontal bars, largest at the top, each labelled with its total.</summary>
    public byte[] TopCompanies(string period, IReadOnlyList<CompanyTotal> totals)
    {
        var plot = NewPlot();
        if (totals.Count == 0)
        {
            plot.Title($"No layoffs.fyi rows in {period}", TitleSize);
            return Png(plot);
        }
        var bars = totals.Select((t, i) => new Bar
        {
            Position = totals.Count - 1 - i, Value = t.TotalLaidOff, FillColor = BarColor,
            Label = t.TotalLaidOff.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = TickSize;

        var ticks = totals.Select((t, i) => new Tick(totals.Count - 1 - i, t.Company)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Title($"Companies that cut the most roles, {period}", TitleSize);
        plot.XLabel("Roles cut (sum of layoffs.fyi rows)", AxisLabelSize);
        plot.Axes.Margins(left: 0, right: 0.18);
        plot.Layout.Fixed(new PixelPadding(left: 160, right: 40, bottom: 70, top: 60));
        return Png(plot);
    }

    /// <summary>
    /// Vertical bars of roles cut per day or week (<paramref name="bucketDays"/> 1 or 7), each bar that holds a top
    /// company's largest round labelled with its name. An empty list still renders, titled, so a chart asked for is
    /// always written.
    /// </summary>
    public byte[] RoundsOverTime(string title, IReadOnlyList<RoundsBucket> buckets, int bucketDays)
    {
        var plot = NewPlot();
        plot.Title(title, TitleSize - 6);
        if (buckets.Count == 0) return Png(plot);
        var bars = buckets.Select((b, i) => new Bar
        {
            Position = i, Value = b.Roles, FillColor = BarColor, Label = string.Join(", ", b.Labels),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = TickSize - 2;

        // At most about 12 date labels, so they never overlap.
        var step = Math.Max(1, (int)Math.Ceiling(buckets.Count / 12.0));
        var ticks = Enumerable.Range(0, buckets.Count).Where(i => i % step == 0)
            .Select(i => new Tick(i, buckets[i].Start.ToString("d MMM yy", CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.YLabel("Roles cut (layoffs.fyi rows)", AxisLabelSize);
        plot.XLabel(bucketDays == 1 ? "Day" : "Week starting", AxisLabelSize);
        plot.Axes.SetLimitsX(-0.75, buckets.Count - 0.25);
        plot.Axes.Margins(bottom: 0, top: 0.2);
        return Png(plot);
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}

/// <summary>
/// One bar of the rounds-over-time chart: a day or a week starting at <see cref="Start"/>, the roles its layoffs.fyi
/// rows cut, how many rows (rounds) it holds, and the names to print over it (the period's top companies whose
/// largest round falls in it).
/// </summary>
public sealed record RoundsBucket(DateOnly Start, int Roles, int Rounds, IReadOnlyList<string> Labels);
