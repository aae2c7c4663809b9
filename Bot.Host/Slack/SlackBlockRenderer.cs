using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>
/// Turns a neutral <see cref="ChatReply"/> into Block Kit: the direct answer, the quotes as quoted text,
/// extra lines, and a context block of sources as links. All user and source text is escaped, and the
/// message stays within Slack's limits (50 blocks, 3000 characters per section and per context element).
/// </summary>
internal sealed class SlackBlockRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionChars = 3000;
    public const int MaxContextElements = 10;
    public const int MaxFallbackChars = 3000;
    private const int MaxLineSections = 5;
    private const int MaxSourceLabelChars = 300;

    public const string AnswerActionsBlockId = "answer_actions";

    public SlackMessageContent Render(ChatReply shown)
    {
        var buttons = ChatAnswerButtons.For(shown);
        var reply = ChatAnswerButtons.Displayed(shown);
        var answer = SlackText.Shorten(SlackText.Escape(reply.Text.Trim()), MaxSectionChars);
        var lineSections = LineSections(reply.LinesHeading is { } heading ? [$"*{heading}*", .. reply.Lines] : reply.Lines);
        var quotes = reply.Quotes.Select(QuoteSection).ToList();

        // Keep as many quotes as fit: answer + lines + quotes + source contexts (+ an "omitted" note).
        var kept = quotes.Count;
        var actionBlocks = buttons.Count > 0 ? 1 : 0;
        while (kept > 0 && 1 + lineSections.Count + kept + SourceBlockCount(reply.Quotes.Take(kept)) + (kept < quotes.Count ? 1 : 0)
            + actionBlocks > MaxBlocks)
            kept--;

        var blocks = new List<SlackBlock> { SlackBlock.Section(answer) };
        blocks.AddRange(lineSections.Select(SlackBlock.Section));
        blocks.AddRange(quotes.Take(kept).Select(SlackBlock.Section));
        foreach (var chunk in SourceElements(reply.Quotes.Take(kept)).Chunk(MaxContextElements))
            blocks.Add(SlackBlock.Context(chunk));
        if (kept < quotes.Count)
            blocks.Add(SlackBlock.Context([$"{quotes.Count - kept} more quotes not shown."]));
        if (buttons.Count > 0)
            blocks.Add(SlackBlock.Actions(AnswerActionsBlockId,
                buttons.Select(b => new SlackButtonElement(SlackTextObject.Plain(b.Label), b.Action.Id, b.Action.AnswerId)).ToList()));
        return new SlackMessageContent(Fallback(reply, answer), blocks);
    }

    private static List<string> LineSections(IReadOnlyList<string> lines)
    {
        var sections = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines.Select(l => SlackText.Shorten(SlackText.Escape(l), MaxSectionChars)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > MaxSectionChars)
            {
                sections.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(line);
        }
        if (current.Length > 0) sections.Add(current.ToString());
        return sections.Take(MaxLineSections).ToList();
    }

    private static string QuoteSection(ChatQuote quote)
    {
        var marker = $" [{quote.N}]";
        // Each line gains a '>' prefix, so budget for them before shortening.
        var escaped = SlackText.Escape(quote.Text.Trim());
        var budget = MaxSectionChars - marker.Length - 2 - escaped.Count(c => c == '\n');
        return SlackText.Quote("“" + SlackText.Shorten(escaped, budget) + "”" + marker);
    }

    private static int SourceBlockCount(IEnumerable<ChatQuote> quotes) =>
        (SourceElements(quotes).Count + MaxContextElements - 1) / MaxContextElements;

    private static List<string> SourceElements(IEnumerable<ChatQuote> quotes) =>
        quotes.GroupBy(q => (q.Source.Title, q.Source.Url))
            .Select(g => SourceElement(g.Select(q => q.N).ToList(), g.First().Source))
            .ToList();

    private static string SourceElement(IReadOnlyList<int> numbers, ChatSource source)
    {
        var title = source.Title.Length > MaxSourceLabelChars ? source.Title[..MaxSourceLabelChars] + SlackText.Ellipsis : source.Title;
        var text = new StringBuilder($"[{string.Join(",", numbers)}] {SlackText.Link(source.Url, title)}");
        foreach (var detail in new[] { source.Publisher, source.Published }.Where(d => !string.IsNullOrWhiteSpace(d)))
            text.Append(" · ").Append(SlackText.Escape(detail!.Length > MaxSourceLabelChars ? detail[..MaxSourceLabelChars] : detail));
        return SlackText.Shorten(text.ToString(), MaxSectionChars);
    }

    /// <summary>Notification and screen-reader text: the answer, then whole quotes while they fit.</summary>
    private static string Fallback(ChatReply reply, string escapedAnswer)
    {
        var text = new StringBuilder(SlackText.Shorten(escapedAnswer, MaxFallbackChars));
        foreach (var quote in reply.Quotes)
        {
            var line = $"\n“{SlackText.Escape(quote.Text.Trim())}” [{quote.N}]";
            if (text.Length + line.Length > MaxFallbackChars) break;
            text.Append(line);
        }
        return text.ToString();
    }
}

/// <summary>A rendered reply: Block Kit blocks plus the plain-text fallback used in notifications.</summary>
internal sealed record SlackMessageContent(string Text, IReadOnlyList<SlackBlock> Blocks);
