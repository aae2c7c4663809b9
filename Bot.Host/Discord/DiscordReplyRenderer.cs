using Bot.Host.Discord.Interactions.Protocol;

namespace Bot.Host.Discord;

/// <summary>
/// Turns a neutral <see cref="ChatReply"/> into a Discord message: one embed with the direct answer,
/// the numbered quotes as block quotes, sources as links and the mode in the footer, always within
/// Discord's limits. Quotes are kept whole or left out (never cut); the answer and extra lines are
/// shortened at sentence boundaries. Mentions are never parsed.
/// </summary>
internal sealed class DiscordReplyRenderer
{
    public const int ContentLimit = 2000;
    public const int DescriptionLimit = 4096;
    public const int FieldCountLimit = 25;
    public const int FieldNameLimit = 256;
    public const int FieldValueLimit = 1024;
    public const int FooterLimit = 2048;
    public const int EmbedTotalLimit = 6000;
    /// <summary>When quotes follow, the answer keeps to this so evidence still fits.</summary>
    private const int AnswerShareWithQuotes = 1500;
    private const int AnswerColor = 0x2B6CB0;
    private const int NoAnswerColor = 0x718096;
    private const string SourcesFieldName = "Sources";
    private const string MoreSourcesFieldName = "Sources (continued)";

    public DiscordRenderedReply Render(ChatReply reply)
    {
        var rendered = RenderContent(ChatAnswerButtons.Displayed(reply));
        var buttons = ChatAnswerButtons.For(reply);
        return buttons.Count == 0 ? rendered : rendered with { Message = rendered.Message with { Components = [ActionRow(buttons)] } };
    }

    /// <summary>One row of grey buttons; their custom ids name the action and the answer.</summary>
    private static DiscordComponent ActionRow(IReadOnlyList<ChatButton> buttons) => new()
    {
        Type = DiscordComponent.ActionRowType,
        Components = buttons.Select(b => new DiscordComponent
        {
            Type = DiscordComponent.ButtonType, Style = DiscordComponent.SecondaryStyle, Label = b.Label, CustomId = b.Action.Id,
        }).ToList(),
    };

    private DiscordRenderedReply RenderContent(ChatReply reply)
    {
        if (reply.IsError || reply.Plain)
            return new DiscordRenderedReply(new DiscordMessage { Content = SentenceShortener.Shorten(Fallback(reply.Text), ContentLimit) },
                null);

        var footer = reply.Mode is { Length: > 0 } mode ? $"mode: {mode}" : null;
        var footerLength = footer?.Length ?? 0;
        var description = new StringBuilder();

        var answerLimit = reply.Quotes.Count > 0 || reply.Lines.Count > 0 ? AnswerShareWithQuotes : DescriptionLimit;
        description.Append(SentenceShortener.Shorten(Fallback(reply.Text), answerLimit));

        var sourceLines = new List<string>();
        var omittedQuotes = 0;
        // Room kept for the "not shown" note, so adding it can never break a limit.
        const int noteRoom = 120;
        foreach (var quote in reply.Quotes.OrderBy(q => q.N))
        {
            var block = QuoteBlock(quote);
            var sourceLine = SourceLine(quote);
            var sourceCost = sourceLine.Length + 1;
            if (omittedQuotes > 0
                || description.Length + block.Length + noteRoom > DescriptionLimit
                || !FitsTotal(footerLength, description.Length + block.Length + noteRoom, SourcesCost(sourceLines, sourceCost)))
            {
                omittedQuotes++;
                continue;
            }
            description.Append(block);
            if (!sourceLines.Contains(sourceLine)) sourceLines.Add(sourceLine);
        }

        var omittedLines = 0;
        if (reply.Lines.Count > 0)
        {
            var header = $"\n\n**{reply.LinesHeading ?? "Data"}**";
            var added = false;
            foreach (var line in reply.Lines)
            {
                var text = "\n• " + SentenceShortener.Shorten(line, 300);
                var extra = (added ? 0 : header.Length) + text.Length;
                if (omittedLines > 0
                    || description.Length + extra + noteRoom > DescriptionLimit
                    || !FitsTotal(footerLength, description.Length + extra + noteRoom, SourcesCost(sourceLines, 0)))
                {
                    omittedLines++;
                    continue;
                }
                if (!added) description.Append(header);
                description.Append(text);
                added = true;
            }
        }

        if (omittedQuotes > 0 || omittedLines > 0)
            description.Append($"\n\n_{Describe(omittedQuotes,
                "quote")}{(omittedQuotes > 0 && omittedLines > 0 ? " and " : "")}{Describe(omittedLines, "data line")} not shown " +
                $"(Discord size limit)._");

        var embed = new DiscordEmbed
        {
            Description = description.ToString(),
            Color = reply.NoAnswer ? NoAnswerColor : AnswerColor,
            Fields = SourceFields(sourceLines),
            Footer = footer is null ? null : new DiscordEmbedFooter(footer),
        };

        if (reply.Image is { } image)
        {
            embed = embed with { Image = new DiscordEmbedImage("attachment://" + image.FileName) };
            return new DiscordRenderedReply(new DiscordMessage
            {
                Embeds = [embed],
                Attachments = [new DiscordAttachment(0, image.FileName,
                    SentenceShortener.Shorten(Fallback(image.AltText), FieldValueLimit))],
            }, image);
        }
        return new DiscordRenderedReply(new DiscordMessage { Embeds = [embed] }, null);
    }

    /// <summary>Characters an embed counts toward the 6000 total (title, description, fields, footer, author).</summary>
    public static int EmbedLength(DiscordEmbed embed) =>
        (embed.Title?.Length ?? 0)
        + (embed.Description?.Length ?? 0)
        + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0)
        + (embed.Footer?.Text.Length ?? 0);

    private static string Describe(int count, string noun) =>
        count == 0 ? "" : $"{count} more {noun}{(count == 1 ? "" : "s")}";

    private static string Fallback(string text) => string.IsNullOrWhiteSpace(text) ? "…" : text;

    private static string QuoteBlock(ChatQuote quote)
    {
        var lines = quote.Text.Trim().ReplaceLineEndings("\n").Split('\n');
        return $"\n\n**[{quote.N}]**\n" + string.Join("\n", lines.Select(l => "> " + l));
    }

    private static string SourceLine(ChatQuote quote)
    {
        var source = quote.Source;
        var title = Escape(source.Title.Length > 200 ? SentenceShortener.Shorten(source.Title, 200) : source.Title);
        var link = source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"[{title}]({uri.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)})"
            : title;
        var details = string.Join(", ", new[] { source.Publisher, source.Published }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var line = $"[{quote.N}] {link}{(details.Length > 0 ? " · " + details : "")}";
        return line.Length <= FieldValueLimit ? line : $"[{quote.N}] {title}"; // an absurdly long URL or publisher: title only
    }

    /// <summary>Markdown link text must not close early; mention-like text is harmless (no mentions are parsed).</summary>
    private static string Escape(string text)
        => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>Characters the source fields will take once <paramref name="extra"/> more are added.</summary>
    private static int SourcesCost(List<string> lines, int extra)
    {
        var total = lines.Sum(l => l.Length + 1) + extra;
        if (total == 0) return 0;
        var fields = total / (FieldValueLimit - 50) + 1; // worst-case packing spills a little into one more field
        return total + fields * MoreSourcesFieldName.Length;
    }

    private static IReadOnlyList<DiscordEmbedField>? SourceFields(List<string> lines)
    {
        if (lines.Count == 0) return null;
        var fields = new List<DiscordEmbedField>();
        var value = new StringBuilder();
        foreach (var line in lines)
        {
            if (value.Length > 0 && value.Length + 1 + line.Length > FieldValueLimit)
            {
                fields.Add(new DiscordEmbedField(fields.Count == 0 ? SourcesFieldName : MoreSourcesFieldName, value.ToString()));
                value.Clear();
                if (fields.Count == FieldCountLimit) return fields;
            }
            if (value.Length > 0) value.Append('\n');
            value.Append(line);
        }
        fields.Add(new DiscordEmbedField(fields.Count == 0 ? SourcesFieldName : MoreSourcesFieldName, value.ToString()));
        return fields;
    }

    /// <summary>The 6000-character total across description, fields and footer.</summary>
    private static bool FitsTotal(int footerLength, int descriptionLength, int sourcesCost) =>
        footerLength + descriptionLength + sourcesCost <= EmbedTotalLimit;
}

/// <summary>A reply in Discord's shape: the message body and, when there is a chart, the file sent with it.</summary>
internal sealed record DiscordRenderedReply(DiscordMessage Message, ChatImage? File);
