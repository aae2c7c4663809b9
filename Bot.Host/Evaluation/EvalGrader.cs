using System.Text.RegularExpressions;

namespace Bot.Host.Evaluation;

/// <summary>
/// Grades an answer exactly by the rules of ../shared/eval/README.md: case-insensitive substring
/// matching after removing commas and spaces between digits; expect_all, expect_any; a citation of a
/// listed source file whose quotes all occur verbatim (whitespace runs as one space) in the file they
/// cite; unanswerable questions pass when the bot declines without stating a figure.
/// </summary>
public sealed partial class EvalGrader(IDocumentStore store)
{
    public EvalGrade Grade(EvalQuestion question, Answer answer)
    {
        var reasons = new List<string>();
        var reply = Normalize(ReplyText(answer));
        var unverifiable = 0;
        var citedFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in answer.Citations)
        {
            var document = store.Get(c.DocumentId);
            var file = document?.SourcePath;
            if (file is null || !File.Exists(file)) { unverifiable++; reasons.Add($"quote [{c.N}] cites no readable file"); continue; }
            citedFiles.Add(Path.GetFileName(file));
            var body = Whitespace().Replace(ArticleBody(File.ReadAllText(file)), " ");
            if (!body.Contains(Whitespace().Replace(c.Quote, " ").Trim(), StringComparison.Ordinal))
            {
                unverifiable++;
                reasons.Add($"quote [{c.N}] is not verbatim in {Path.GetFileName(file)}");
            }
        }

        if (question.Kind == "unanswerable")
        {
            if (!answer.NoAnswer && !DeclinePhrase().IsMatch(answer.Text)) reasons.Add("did not say it does not know");
            if (StatedFigure().Match(WithoutDates(Regex.Replace(answer.Text, @"\[\d+\]", ""))) is { Success: true } figure)
                reasons.Add($"states a figure: {figure.Value}");
        }
        else
        {
            foreach (var expected in question.ExpectAll)
                if (!reply.Contains(Normalize(expected), StringComparison.OrdinalIgnoreCase)) reasons.Add($"missing \"{expected}\"");
            if (question.ExpectAny.Count > 0
                && !question.ExpectAny.Any(e => reply.Contains(Normalize(e), StringComparison.OrdinalIgnoreCase)))
                reasons.Add($"none of [{string.Join(", ", question.ExpectAny.Select(e => $"\"{e}\""))}]");
            if (!question.Sources.Any(citedFiles.Contains)) reasons.Add("cites none of the expected sources");
            if (answer.NoAnswer) reasons.Add("declined to answer");
        }
        if (unverifiable > 0 && reasons.All(r => !r.StartsWith("quote", StringComparison.Ordinal)))
            reasons.Add($"{unverifiable} unverifiable quotes");
        return new EvalGrade(question.Id, question.Kind, reasons.Count == 0, reasons, unverifiable, answer.ElapsedMs);
    }

    private static string WithoutDates(string text)
    {
        foreach (var m in Bot.Knowledge.Text.DateExpressions.Find(text).Reverse()) text = text.Remove(m.Span.Start, m.Span.Length);
        return text;
    }

    /// <summary>The bot's whole reply as a reader sees it: the direct answer and the quotes.</summary>
    public static string ReplyText(Answer answer) =>
        answer.Text + "\n" + string.Join("\n", answer.Citations.Select(c => c.Quote)) + "\n"
            + string.Join("\n", answer.DataCitations.Select(d => d.Row));

    /// <summary>Commas and spaces between two digits are removed ("14,000" -> "14000").</summary>
    public static string Normalize(string text) => DigitSeparator().Replace(text, "");

    private static string ArticleBody(string file)
    {
        file = file.Replace("\r\n", "\n");
        if (!file.StartsWith("---\n", StringComparison.Ordinal)) return file;
        var close = file.IndexOf("\n---", 3, StringComparison.Ordinal);
        return close < 0 ? file : file[(close + 4)..];
    }

    [GeneratedRegex(@"(?<=\d)[, ](?=\d)")] private static partial Regex DigitSeparator();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"don't know|do not know|not known|don't say|do not say|don't give|do not give|no (?:article|source|report)|none of " +
        @"the articles|couldn't find|could not", RegexOptions.IgnoreCase)] private static partial Regex DeclinePhrase();
    // A head count: a number of 10 or more that is not a calendar year and not a percentage.
    [GeneratedRegex(@"(?<![\d.])(?!(?:19|20)\d\d\b)\d{2,3}(?:,\d{3})*(?![\d%])(?!\s*(?:%|percent|per cent|pc\b))|\b\d{4,}(?<!\b(?:19|" +
        @"20)\d\d)\b")] private static partial Regex StatedFigure();
}
