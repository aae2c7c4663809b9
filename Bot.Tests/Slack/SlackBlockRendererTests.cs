using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Tests.Slack;

public sealed class SlackBlockRendererTests
{
    private static readonly string[] Broadcasts = ["<!channel>", "<!here>", "<!everyone>", "<@U123>"];

    private static IEnumerable<string> Texts(SlackMessageContent content) =>
        content.Blocks.SelectMany(b => new[] { b.Text?.Text }.Concat(b.Elements?.Select(e => e.Text) ?? []))
            .OfType<string>()
            .Append(content.Text);

    [Fact]
    public void Very_long_answer_with_many_quotes_stays_within_Block_Kit_limits_and_is_escaped()
    {
        var answer = string.Join(" ", Enumerable.Range(1, 300).Select(i => $"Sentence {i} warns <!channel> & <@U123> about cuts."));
        var quotes = Enumerable.Range(1, 80).Select(i => new ChatQuote(i,
            string.Join(" ", Enumerable.Range(1, 120).Select(j => $"Quote {i} line {j} says <!here> > & < matter.")),
            new ChatSource($"<!everyone> Source {i} & Co", $"https://example.com/a?x={i}&y=2", "Pub <b>", "2023-01-04"))).ToList();
        var reply = new ChatReply { Text = answer, Quotes = quotes,
            Lines = Enumerable.Range(1, 400).Select(i => $"Row {i} <!channel>").ToList() };

        var content = new SlackBlockRenderer().Render(reply);

        Assert.InRange(content.Blocks.Count, 10, SlackBlockRenderer.MaxBlocks);
        foreach (var block in content.Blocks)
        {
            if (block.Text is { } text) Assert.InRange(text.Text.Length, 1, SlackBlockRenderer.MaxSectionChars);
            if (block.Elements is { } elements)
            {
                Assert.InRange(elements.Count, 1, SlackBlockRenderer.MaxContextElements);
                Assert.All(elements, e => Assert.InRange(e.Text.Length, 1, SlackBlockRenderer.MaxSectionChars));
            }
        }
        Assert.InRange(content.Text.Length, 1, SlackBlockRenderer.MaxFallbackChars);
        foreach (var text in Texts(content))
            Assert.All(Broadcasts, b => Assert.DoesNotContain(b, text));

        var first = content.Blocks[0].Text!.Text;
        Assert.StartsWith("Sentence 1 warns &lt;!channel&gt; &amp; &lt;@U123&gt; about cuts.", first);
        Assert.EndsWith("about cuts. …", first); // shortened at the end of a sentence
        Assert.StartsWith(">“Quote 1 line 1 says &lt;!here&gt; &gt; &amp; &lt; matter.",
            content.Blocks.First(b => b.Text?.Text.StartsWith('>') == true).Text!.Text);
        Assert.Contains("more quotes not shown", content.Blocks[^1].Elements![0].Text);
        Assert.Contains(Texts(content),
            t => t.Contains("<https://example.com/a?x=1&amp;y=2|&lt;!everyone&gt; Source 1 &amp; Co> · Pub &lt;b&gt; · 2023-01-04"));
    }

    [Fact]
    public void Short_answer_renders_answer_quote_and_linked_source()
    {
        var reply = new ChatReply
        {
            Text = "Amazon cut about 18,000 roles.",
            Quotes = [new ChatQuote(1, "Amazon said it would cut 18,000 jobs.",
                new ChatSource("Amazon layoffs", "https://example.com/amazon", "Reuters", "2023-01-04"))],
        };

        var content = new SlackBlockRenderer().Render(reply);

        Assert.Equal(["section", "section", "context"], content.Blocks.Select(b => b.Type));
        Assert.Equal("Amazon cut about 18,000 roles.", content.Blocks[0].Text!.Text);
        Assert.Equal(">“Amazon said it would cut 18,000 jobs.” [1]", content.Blocks[1].Text!.Text);
        Assert.Equal("[1] <https://example.com/amazon|Amazon layoffs> · Reuters · 2023-01-04", content.Blocks[2].Elements![0].Text);
        Assert.Equal("Amazon cut about 18,000 roles.\n“Amazon said it would cut 18,000 jobs.” [1]", content.Text);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(null)]
    public void Sources_without_a_web_url_are_plain_escaped_text(string? url)
    {
        var reply = new ChatReply
        {
            Text = "x",
            Quotes = [new ChatQuote(1, "q", new ChatSource("WARN <notice>", url, null, null))],
        };
        Assert.Equal("[1] WARN &lt;notice&gt;", new SlackBlockRenderer().Render(reply).Blocks[^1].Elements![0].Text);
    }

    [Fact]
    public void Shortening_never_cuts_an_escaped_entity_in_half()
    {
        var escaped = SlackText.Escape(new string('<', 2000));
        var shortened = SlackText.Shorten(escaped, 3000);
        Assert.True(shortened.Length <= 3000);
        Assert.EndsWith("&lt; …", shortened);
    }

    [Fact]
    public void Quote_section_blocks_are_serialised_as_Slack_expects()
    {
        var json = JsonSerializer.Serialize(SlackBlock.Section("hi"), SlackJsonContext.Default.Options);
        Assert.Equal("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}", json);
    }
}
