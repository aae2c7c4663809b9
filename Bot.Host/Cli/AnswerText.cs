namespace Bot.Host.Cli;

/// <summary>Renders an answer for a terminal: the direct answer, then numbered quotes with their sources.</summary>
internal static class AnswerText
{
    public static string Render(Answer answer)
    {
        var sb = new StringBuilder();
        sb.AppendLine(answer.Text);
        if (answer.Citations.Count > 0 || answer.DataCitations.Count > 0) sb.AppendLine();
        foreach (var c in answer.Citations)
        {
            sb.AppendLine($"[{c.N}] \"{OneLine(c.Quote)}\"");
            var meta = string.Join(", ", new[] { c.Title, c.Publisher, c.Published }.Where(s => !string.IsNullOrWhiteSpace(s)));
            sb.AppendLine($"    — {meta}{(c.Url is null ? "" : $" <{c.Url}>")}");
        }
        foreach (var d in answer.DataCitations)
            sb.AppendLine($"[{d.N}] {d.Row}  ({d.Dataset}, {Path.GetFileName(d.File)} line {d.Line}{(d.Url is null ? "" : $", {d.Url}")})");
        sb.Append($"({answer.Mode}, {answer.ElapsedMs:F0} ms)");
        return sb.ToString();
    }

    private static string OneLine(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
