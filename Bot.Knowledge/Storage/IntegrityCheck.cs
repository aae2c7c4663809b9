namespace Bot.Knowledge.Storage;

/// <summary>One piece of damage: which record, and what is wrong with it.</summary>
public sealed record IntegrityProblem(string Where, string What);

/// <summary>What <see cref="IntegrityCheck.Run"/> read and found.</summary>
public sealed record IntegrityReport(int Documents, int Passages, IReadOnlyList<IntegrityProblem> Problems);

/// <summary>
/// Verifies what quotes rely on: every document's text against its stored hash, and every passage's
/// offsets and text against its document. A damaged file that LiteDB cannot read at all throws instead.
/// </summary>
public static class IntegrityCheck
{
    public static IntegrityReport Run(IDocumentStore store)
    {
        var problems = new List<IntegrityProblem>();
        var documents = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        foreach (var document in store.ListDocuments())
        {
            documents[document.Id] = document;
            if (DocumentRecord.HashOf(document.Text) != document.ContentHash)
                problems.Add(new($"document {document.Id} ({document.Title})", "its text does not match its stored hash"));
        }
        var passages = 0;
        foreach (var passage in store.AllPassages())
        {
            passages++;
            var where = $"passage {passage.Id}";
            if (!documents.TryGetValue(passage.DocumentId, out var document))
                problems.Add(new(where, $"its document {passage.DocumentId} is missing"));
            else if (passage.Start < 0 || passage.End < passage.Start || passage.End > document.Text.Length)
                problems.Add(new(where, $"its offsets {passage.Start}..{passage.End} lie outside the document's {document.Text.Length} " +
                    $"characters"));
            else if (!document.Text.AsSpan(passage.Start, passage.End - passage.Start).SequenceEqual(passage.Text))
                problems.Add(new(where, "its text differs from the document's text at its offsets"));
        }
        return new IntegrityReport(documents.Count, passages, problems);
    }
}
