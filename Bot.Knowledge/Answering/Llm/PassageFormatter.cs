namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Renders numbered passages for the model, fenced as data: a passage cannot close its own fence, so
/// text inside it stays inside it whatever it says.
/// </summary>
internal static class PassageFormatter
{
    public const string Open = "<passage";
    public const string Close = "</passage>";

    public static string Format(IEnumerable<(int Number, RetrievedPassage Passage)> passages)
    {
        var text = new StringBuilder();
        foreach (var (n, p) in passages)
        {
            var d = p.Document;
            text.Append($"{Open} n=\"{n}\" title=\"{Attribute(d.Title)}\"");
            if (d.Publisher is { } publisher) text.Append($" publisher=\"{Attribute(publisher)}\"");
            if (AnswerDraft.Published(d) is { } published) text.Append($" published=\"{published}\"");
            if (d.Companies.Count > 0) text.Append($" companies=\"{Attribute(string.Join(", ", d.Companies))}\"");
            text.Append(">\n").Append(Body(p.Text)).Append('\n').Append(Close).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    private static string Attribute(string value) => value.Replace('"', '\'').Replace('\n', ' ');

    /// <summary>Defuses fence look-alikes inside the text (rare in news; a quote spanning one would then not verify).</summary>
    private static string Body(string text) =>
        text.Replace(Close, "</ passage>", StringComparison.OrdinalIgnoreCase).Replace(Open, "< passage",
            StringComparison.OrdinalIgnoreCase);
}
