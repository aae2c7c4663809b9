namespace Bot.Knowledge.Answering;

/// <summary>
/// The last step every answer passes, whichever engine wrote it: each quote must be the stored text of
/// its document at its offsets (else it is dropped); each figure in the direct answer must appear in a
/// kept quote or a verified data row (else the sentence stating it is removed); words the answer puts
/// in quotation marks must be in a kept quote too. Removals are logged.
/// </summary>
public sealed partial class AnswerVerifier(IDocumentStore store, IEnumerable<IDataRowVerifier> rowVerifiers, ILogger<AnswerVerifier> logger)
{
    public Answer Verify(Answer answer)
    {
        var kept = new List<Citation>();
        // Read once per document: several quotes often come from one article, and the store may be across the network.
        var documents = answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, store.Get, StringComparer.Ordinal);
        foreach (var c in answer.Citations)
        {
            var document = documents[c.DocumentId];
            var ok = document is not null && c.Start >= 0 && c.End <= document.Text.Length && c.Start < c.End
                     && string.Equals(document.Text.Substring(c.Start, c.End - c.Start), c.Quote, StringComparison.Ordinal);
            if (ok) kept.Add(c with { Verified = true });
            else logger.LogWarning("Dropped quote [{N}] from {Document}: not verbatim at {Start}-{End}", c.N, c.DocumentId, c.Start, c.End);
        }
        var rows = new List<DataCitation>();
        foreach (var row in answer.DataCitations)
        {
            if (rowVerifiers.Any(v => v.Verify(row))) rows.Add(row with { Verified = true });
            else logger.LogWarning("Dropped data row [{N}] {File}:{Line}: does not match the stored row", row.N, row.File, row.Line);
        }

        var evidence = string.Join("\n", kept.Select(c => c.Quote).Concat(rows.Select(r => r.Row)));
        var evidenceDigits = Text.NumberText.JoinDigitGroups(evidence);
        // Dates the answer may state without a quote: the cited sources' own publication dates, and the
        // years the question itself names ("none of the articles covers Apple in 2024").
        var allowedDates = string.Join(" ",
            kept.Select(c => c.Published ?? "").Concat(QuestionYears().Matches(answer.Question).Select(m => m.Value)));
        var sentences = SplitSentences(answer.Text);
        var text = new List<string>();
        foreach (var sentence in sentences)
        {
            var problem = UnsupportedFigure(sentence, evidenceDigits, allowedDates) ?? UnsupportedQuotation(sentence, evidence);
            if (problem is null) { text.Add(sentence); continue; }
            logger.LogWarning("Removed from the answer: {Problem} is not in any verified quote: {Sentence}", problem, sentence);
        }
        var validNumbers = kept.Select(c => c.N).Concat(rows.Select(r => r.N)).ToHashSet();
        var joined = CitationMarker().Replace(string.Join(" ", text),
            m => validNumbers.Contains(int.Parse(m.Groups[1].Value)) ? m.Value : "");
        var noAnswer = answer.NoAnswer;
        if (string.IsNullOrWhiteSpace(joined))
        {
            joined = "I don't know: I could not verify an answer against the stored sources.";
            noAnswer = true;
        }
        return answer with { Text = joined.Trim(), Citations = kept, DataCitations = rows, NoAnswer = noAnswer };
    }

    /// <summary>A number stated in the answer that no kept quote contains (years may come from a source's date).</summary>
    private static string? UnsupportedFigure(string sentence, string evidenceDigits, string allowedDates)
    {
        // Digits inside a name or an address ("smi24.net", "Daily8", a URL) are not figures the answer states.
        var withoutMarkers = WithoutSourceDates(CitationMarker().Replace(Url().Replace(sentence, " "), ""), allowedDates);
        foreach (Match m in Figure().Matches(withoutMarkers))
        {
            var digits = m.Groups["n"].Value.Replace(",", "").Replace(" ", "");
            if (digits.Length == 0) continue;
            var isYear = digits.Length == 4 && digits[0] is '1' or '2' && !m.Value.Contains(',');
            if (isYear && allowedDates.Contains(digits, StringComparison.Ordinal)) continue;
            if (!ContainsNumber(evidenceDigits, digits)) return m.Value;
        }
        return null;
    }

    /// <summary>
    /// Removes dates that are a cited source's own publication date ("reported March 3, 2024 by Test Wire")
    /// or a month label ("the October 2025 round"): they say when, not how many.
    /// </summary>
    private static string WithoutSourceDates(string sentence, string publishedDates)
    {
        var mentions = Text.DateExpressions.Find(sentence);
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Year is null) continue;
            var iso = m.Precision switch
            {
                Text.DatePrecision.Day => $"{m.Year:D4}-{m.Month:D2}-{m.Day:D2}",
                Text.DatePrecision.Month => $"{m.Year:D4}-{m.Month:D2}",
                _ => null,
            };
            var isSourceDate = iso is not null && publishedDates.Contains(iso, StringComparison.Ordinal);
            if (isSourceDate || m.Precision == Text.DatePrecision.Month)
                sentence = sentence.Remove(m.Span.Start, m.Span.Length);
        }
        return sentence;
    }

    /// <summary>Text in quotation marks must be verbatim in a kept quote (whitespace runs count as one space).</summary>
    private static string? UnsupportedQuotation(string sentence, string evidence)
    {
        var normalizedEvidence = Whitespace().Replace(evidence, " ");
        foreach (Match m in Quotation().Matches(sentence))
        {
            var inner = Whitespace().Replace(m.Groups[1].Value, " ").Trim();
            if (inner.Length > 0 && !normalizedEvidence.Contains(inner, StringComparison.Ordinal)) return m.Value;
        }
        return null;
    }

    private static bool ContainsNumber(string haystack, string number)
    {
        for (var i = haystack.IndexOf(number, StringComparison.Ordinal); i
            >= 0; i = haystack.IndexOf(number, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsDigit(haystack[i - 1]);
            var after = i + number.Length >= haystack.Length || !char.IsDigit(haystack[i + number.Length]);
            if (before && after) return true;
        }
        return false;
    }

    private static List<string> SplitSentences(string text) =>
        Text.SentenceSegmenter.Split(text).Select(s => s.Of(text)).ToList();

    [GeneratedRegex(@"(?<![\p{L}\d.])(?<n>\d{1,3}(?:[, ]\d{3})+(?!\d)|\d+(?:\.\d+)?)(?!\.\p{L})(?!(?!pc\b|bn\b|mn\b)\p{L}{2,})(?!\d)")]
        private static partial Regex Figure();
    [GeneratedRegex(@"\bhttps?://\S+|\bwww\.\S+")] private static partial Regex Url();
    [GeneratedRegex(@"\[(\d+)\]")] private static partial Regex CitationMarker();
    [GeneratedRegex(@"\b(?:19|20)\d\d\b")] private static partial Regex QuestionYears();
    [GeneratedRegex(@"[""“]([^""”]{3,})[""”]")] private static partial Regex Quotation();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
