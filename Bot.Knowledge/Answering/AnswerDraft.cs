namespace Bot.Knowledge.Answering;

/// <summary>An answer being composed: sentences of the direct answer and the quotes they rest on.</summary>
public sealed class AnswerDraft
{
    private readonly List<string> _parts = [];
    private readonly List<Citation> _citations = [];
    private readonly List<DataCitation> _rows = [];

    public bool NoAnswer { get; set; }
    public IReadOnlyList<Citation> Citations => _citations;

    public void Say(string sentence) => _parts.Add(sentence);

    /// <summary>Adds a sentence before the last one said (a lead-in for an answer just composed).</summary>
    public void PrependSay(string sentence) => _parts.Insert(Math.Max(0, _parts.Count - 1), sentence);

    /// <summary>Adds a quote (once) and returns its number for "[n]" references.</summary>
    public int Quote(CandidateSentence sentence) => Quote(sentence.Document, sentence.Span);

    public int Quote(DocumentRecord document, TextSpan span)
    {
        var existing = _citations.FirstOrDefault(c => c.DocumentId == document.Id && c.Start == span.Start && c.End == span.End);
        if (existing is not null) return existing.N;
        var n = _citations.Count + _rows.Count + 1;
        _citations.Add(new Citation
        {
            N = n, Quote = span.Of(document.Text), DocumentId = document.Id, Title = document.Title, Url = document.Url,
            Publisher = document.Publisher, Published = Published(document), Start = span.Start, End = span.End,
        });
        return n;
    }

    /// <summary>Adds a data row (once) and returns its number; rows and quotes share one numbering.</summary>
    public int Row(DataCitation row)
    {
        var existing = _rows.FirstOrDefault(r => r.File == row.File && r.Line == row.Line && r.Dataset == row.Dataset);
        if (existing is not null) return existing.N;
        var n = _citations.Count + _rows.Count + 1;
        _rows.Add(row with { N = n });
        return n;
    }

    public Answer Build(string question) => new()
    {
        Question = question,
        Text = string.Join(" ", _parts),
        Mode = "extractive",
        NoAnswer = NoAnswer,
        Citations = _citations.ToList(),
        DataCitations = _rows.ToList(),
    };

    public static string? Published(DocumentRecord d) => d.Published is { } p
        ? d.PublishedPrecision switch { "year" => p.ToString("yyyy"), "month" => p.ToString("yyyy-MM"), _ => p.ToString("yyyy-MM-dd") }
        : null;
}
