namespace Bot.Tests.Discord;

public sealed class DiscordReplyRendererTests
{
    private readonly DiscordReplyRenderer _renderer = new();

    [Fact]
    public void A_very_long_answer_stays_within_every_discord_limit_and_never_cuts_a_quote()
    {
        var sentences = Enumerable.Range(1, 80).Select(i =>
            i % 5 == 0
                ? $"The memo said “we cut {i} teams. It was hard. We move on.” and staff reacted."
                : $"Sentence {i} explains one more reason behind the cuts in some detail.");
        var quotes = Enumerable.Range(1, 40).Select(i => new ChatQuote(i,
            $"Quote {i:00} begins here. " + string.Join(" ", Enumerable.Repeat($"Evidence line {i} repeats itself for length.", 8))
                + $" Quote {i:00} ends here.",
            new ChatSource($"Source title {i} [draft]", $"https://news.example.com/articles/{i}/" + new string('a', 150), "Example News",
                "2024-02-0" + (i % 9 + 1)))).ToList();
        var reply = new ChatReply
        {
            Text = string.Join(" ", sentences),
            Quotes = quotes,
            Lines = Enumerable.Range(1, 100).Select(i => $"Company {i} | 2024-01-{i % 28 + 1:00} | {i * 10} | Seattle").ToList(),
            Mode = "extractive",
        };

        var message = _renderer.Render(reply).Message;

        var embed = Assert.Single(message.Embeds!);
        Assert.True(embed.Description!.Length <= DiscordReplyRenderer.DescriptionLimit, $"description {embed.Description.Length}");
        Assert.True(DiscordReplyRenderer.EmbedLength(embed) <= DiscordReplyRenderer.EmbedTotalLimit,
            $"embed {DiscordReplyRenderer.EmbedLength(embed)}");
        Assert.True((embed.Fields?.Count ?? 0) <= DiscordReplyRenderer.FieldCountLimit);
        Assert.All(embed.Fields!, f => Assert.True(f.Value.Length <= DiscordReplyRenderer.FieldValueLimit && f.Name.Length
            <= DiscordReplyRenderer.FieldNameLimit));
        Assert.Null(message.Content);

        // Each quote is shown whole or not at all, and sources are listed exactly for the shown ones.
        var shown = quotes.Where(q => embed.Description.Contains($"**[{q.N}]**", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shown);
        Assert.True(shown.Count < quotes.Count);
        foreach (var quote in quotes)
        {
            var whole = embed.Description.Contains("> " + quote.Text, StringComparison.Ordinal);
            var started = embed.Description.Contains($"Quote {quote.N:00} begins", StringComparison.Ordinal);
            Assert.Equal(started, whole);
            Assert.Equal(whole, embed.Fields!.Any(f
                => f.Value.Contains($"[{quote.N}] [Source title {quote.N} \\[draft\\]](", StringComparison.Ordinal)));
        }
        Assert.Contains($"{quotes.Count - shown.Count} more quotes", embed.Description);

        // The answer was shortened at a sentence end outside the inline quotation.
        var answer = embed.Description[..embed.Description.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.EndsWith(". …", answer);
        Assert.Equal(answer.Count(c => c == '“'), answer.Count(c => c == '”'));
        Assert.Equal("mode: extractive", embed.Footer!.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_replies_of_any_size_stay_within_the_limits(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            string Words(int max) => string.Join(" ",
                Enumerable.Range(0, random.Next(1, max)).Select(i => i % 7 == 6 ? "end." : "word" + i));
            var reply = new ChatReply
            {
                Text = Words(1500),
                Quotes = Enumerable.Range(1, random.Next(0, 30)).Select(n => new ChatQuote(n, Words(400),
                    new ChatSource(Words(60), random.Next(2) == 0 ? null : "https://example.com/" + new string('x', random.Next(0, 1200)),
                        Words(5), "2024-01-01"))).ToList(),
                Lines = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Words(80)).ToList(),
                Mode = random.Next(2) == 0 ? null : "extractive",
            };

            var embed = Assert.Single(_renderer.Render(reply).Message.Embeds!);

            Assert.InRange(embed.Description!.Length, 1, DiscordReplyRenderer.DescriptionLimit);
            Assert.InRange(DiscordReplyRenderer.EmbedLength(embed), 1, DiscordReplyRenderer.EmbedTotalLimit);
            Assert.InRange(embed.Fields?.Count ?? 0, 0, DiscordReplyRenderer.FieldCountLimit);
            Assert.All(embed.Fields ?? [], f => Assert.InRange(f.Value.Length, 1, DiscordReplyRenderer.FieldValueLimit));
            Assert.All(reply.Quotes, q => Assert.Equal(
                embed.Description.Contains($"**[{q.N}]**\n", StringComparison.Ordinal),
                embed.Description.Contains($"**[{q.N}]**\n> " + q.Text, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_long_answer_without_quotes_may_use_the_whole_description()
    {
        var text = string.Join(" ", Enumerable.Range(1, 400).Select(i => $"Sentence number {i} is here."));

        var embed = Assert.Single(_renderer.Render(new ChatReply { Text = text }).Message.Embeds!);

        Assert.InRange(embed.Description!.Length, 3500, DiscordReplyRenderer.DescriptionLimit);
        Assert.EndsWith("is here. …", embed.Description);
    }

    [Fact]
    public void Mentions_are_never_parsed()
    {
        var message = _renderer.Render(new ChatReply { Text = "@everyone <@&123> layoffs at @here" }).Message;

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage));
        Assert.Equal(0, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public void An_error_is_plain_content_within_2000_characters()
    {
        var message = _renderer.Render(ChatReply.Error(string.Join(" ", Enumerable.Repeat("Something failed badly here.", 200)))).Message;

        Assert.Null(message.Embeds);
        Assert.True(message.Content!.Length <= DiscordReplyRenderer.ContentLimit);
        Assert.EndsWith(". …", message.Content);
    }

    [Fact]
    public void A_short_answer_keeps_everything()
    {
        var reply = new ChatReply
        {
            Text = "Meta cut 11,000 jobs in November 2022.",
            Quotes = [new ChatQuote(1, "we've decided to reduce the size of our team by about 13%",
                new ChatSource("Mark Zuckerberg's message",
                "https://about.fb.com/news/2022/11/mark-zuckerberg-layoff-message-to-employees/", "Meta", "2022-11-09"))],
            Mode = "llm",
        };

        var embed = Assert.Single(_renderer.Render(reply).Message.Embeds!);

        Assert.Equal("Meta cut 11,000 jobs in November 2022.\n\n**[1]**\n> we've decided to reduce the size of our team by about 13%",
            embed.Description);
        Assert.Equal("[1] [Mark Zuckerberg's message](https://about.fb.com/news/2022/11/mark-zuckerberg-layoff-message-to-employees/) · " +
            "Meta, 2022-11-09", Assert.Single(embed.Fields!).Value);
        Assert.Equal("mode: llm", embed.Footer!.Text);
    }
}
