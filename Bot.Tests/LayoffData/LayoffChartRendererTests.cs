using System.Buffers.Binary;
using Bot.Knowledge.Charts;

namespace Bot.Tests.LayoffData;

public sealed class LayoffChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void A_company_timeline_renders_to_a_png_of_sensible_size()
    {
        using var db = EventsTestData.WithLayoffsFyi();
        var months = new LayoffDataQueries(db).MonthlyTotals("Amazon", new DateOnly(2022, 1, 1));

        var png = new LayoffChartRenderer().CompanyTimeline("Amazon", months);

        AssertPng(png);
        Keep(png, "timeline.png");
    }

    [Fact]
    public void A_top_companies_chart_renders_to_a_png_of_sensible_size()
    {
        using var db = EventsTestData.WithLayoffsFyi();
        var top = new LayoffDataQueries(db).TopCompanies(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 10);

        var png = new LayoffChartRenderer().TopCompanies("2023", top);

        AssertPng(png);
        Keep(png, "top.png");
    }

    [Fact]
    public void An_empty_period_still_renders_a_titled_png() =>
        AssertPng(new LayoffChartRenderer().CompanyTimeline("Nobody", []));

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal((LayoffChartRenderer.Width, LayoffChartRenderer.Height), (width, height));
        Assert.InRange(png.Length, 5_000, 500_000);
    }

    /// <summary>Set LAYOFFBOT_CHART_DIR to look at the rendered charts.</summary>
    private static void Keep(byte[] png, string name)
    {
        if (Environment.GetEnvironmentVariable("LAYOFFBOT_CHART_DIR") is { Length: > 0 } dir)
            File.WriteAllBytes(Path.Combine(dir, name), png);
    }
}
