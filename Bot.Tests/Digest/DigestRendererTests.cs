using Bot.Knowledge.Charts;

namespace Bot.Tests.Digest;

public sealed class DigestRendererTests
{
    private static readonly DigestPeriod Period = new(
        TestTime.Utc("2026-11-26T09:00:00Z"),
        TestTime.Utc("2026-11-27T09:00:00Z"));

    /// <summary>A very busy day: 40 events with long distinct reasons, 30 companies with long article titles, mention bait.</summary>
    private static DigestContent BusyDay()
    {
        var events = Enumerable.Range(1, 40).Select(i =>
        {
            var company = $"Company{i:D2} <!channel> @everyone";
            var quote = $"Company{i:D2} said the cuts were needed because demand slowed sharply and costs rose, {new string('x', 200)} " +
                $"<!here> end.";
            return new DigestRow(company, 1000 - i, 0.1, new DateOnly(2026, 11, 26),
                new DataCitation { Row = $"{company} | 2026-11-26 | {1000 - i}", Dataset = LayoffDatasets.LayoffsFyi,
                    File = "layoffs_fyi.csv", Line = i, Url = $"https://example.com/news/{i}/{new string('p', 150)}" },
                new DigestReason(quote, $"d{i}", $"Why Company{i:D2} is cutting jobs {new string('t', 150)}", $"https://example.com/a/{i}",
                    "Example News", new DateTime(2026, 11, 26)));
        }).ToList();
        var articles = Enumerable.Range(1, 30).Select(i => new DigestCompanyArticles($"Company{i:D2}",
            Enumerable.Range(1, 5).Select(j
                => new DigestArticle($"d{i}-{j}", $"Article {j} about Company{i:D2} {new string('w', 180)}", $"https://example.com/{i}/{j}",
                "Wire", null)).ToList())).ToList();
        var totals = events.Take(10).Select(e => new CompanyTotal(e.Company, e.Count!.Value, 1, 0, [e.Citation])).ToList();
        return new DigestContent
        {
            Period = Period, Events = events, Articles = articles, Totals = totals, TotalLaidOff = events.Sum(e => e.Count ?? 0),
            Chart = new LayoffChartRenderer().TopCompanies("Oct 28 – Nov 26, 2026", totals), ChartLabel = "Oct 28 – Nov 26, 2026",
        };
    }

    [Fact]
    public void A_busy_digest_renders_for_Discord_within_its_limits_with_the_chart_attached_and_no_mentions()
    {
        var reply = new DigestRenderer().Render(BusyDay(), TimeZoneInfo.Utc);
        var rendered = new DiscordReplyRenderer().Render(reply);

        var embed = Assert.Single(rendered.Message.Embeds!);
        Assert.InRange(embed.Description!.Length, 1, DiscordReplyRenderer.DescriptionLimit);
        Assert.InRange(DiscordReplyRenderer.EmbedLength(embed), 1, DiscordReplyRenderer.EmbedTotalLimit);
        Assert.All(embed.Fields ?? [], f => Assert.InRange(f.Value.Length, 1, DiscordReplyRenderer.FieldValueLimit));
        Assert.StartsWith("Layoff digest, Nov 26, 2026 09:00 UTC to Nov 27, 2026 09:00 UTC: 40 layoff events", embed.Description);
        Assert.Contains("… and 25 more layoff events.", reply.Lines);
        Assert.Equal(DigestRenderer.MaxQuotes, reply.Quotes.Count);
        Assert.Empty(rendered.Message.AllowedMentions.Parse);
        Assert.Equal("attachment://" + DigestRenderer.ChartFileName, embed.Image!.Url);
        Assert.Equal(DigestRenderer.ChartFileName, rendered.File!.FileName);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], rendered.File.Png.Take(4));
    }

    [Fact]
    public void A_busy_digest_renders_for_Slack_within_Block_Kit_limits_with_mentions_escaped()
    {
        var reply = new DigestRenderer().Render(BusyDay(), TimeZoneInfo.Utc);
        var content = new SlackBlockRenderer().Render(reply);

        Assert.InRange(content.Blocks.Count, 2, SlackBlockRenderer.MaxBlocks);
        Assert.InRange(content.Text.Length, 1, SlackBlockRenderer.MaxFallbackChars);
        foreach (var block in content.Blocks)
        {
            if (block.Text is { } text) Assert.InRange(text.Text.Length, 1, SlackBlockRenderer.MaxSectionChars);
            Assert.InRange(block.Elements?.Count ?? 0, 0, SlackBlockRenderer.MaxContextElements);
            var all = (block.Text?.Text ?? "") + string.Concat(block.Elements?.Select(e => e.Text) ?? []);
            Assert.DoesNotContain("<!channel>", all);
            Assert.DoesNotContain("<!here>", all);
        }
        Assert.Contains(content.Blocks, b => b.Text?.Text.Contains("Company01", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void An_empty_period_is_one_line_in_the_schedule_time_zone()
    {
        var reply = new DigestRenderer().Render(new DigestContent { Period = Period },
            TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        // The date is read in the schedule's zone: 20:00 UTC on Nov 25 is already Nov 26 in Auckland.
        Assert.Equal("No new layoffs reported since November 26, 2026.", reply.Text);
        Assert.Empty(reply.Lines);
        Assert.Null(reply.Image);
        var zoned = new DigestRenderer().Render(new DigestContent { Period = Period with { From = Period.From.AddHours(-13) } },
            TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        Assert.Equal("No new layoffs reported since November 26, 2026.", zoned.Text);
        var utc = new DigestRenderer().Render(new DigestContent { Period = Period with { From = Period.From.AddHours(-13) } },
            TimeZoneInfo.Utc);
        Assert.Equal("No new layoffs reported since November 25, 2026.", utc.Text);
    }
}
