using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// An immutable in-memory snapshot of the stored passages for fast search: one contiguous float
/// matrix of embeddings and a BM25 index. Built from the database; rebuilt when its revision changes.
/// </summary>
public sealed class KnowledgeIndex
{
    public long Revision { get; }
    public IReadOnlyList<DocumentRecord> Documents { get; }
    public IReadOnlyDictionary<string, DocumentRecord> DocumentsById { get; }
    internal int[] PassageDocument { get; }
    internal int[] PassageIndex { get; }
    internal int[] PassageStart { get; }
    internal int[] PassageEnd { get; }
    internal float[] Vectors { get; }
    internal int Dimensions { get; }
    internal Bm25Index Lexical { get; }
    /// <summary>Years each document mentions, for documents without a published date.</summary>
    internal HashSet<int>[] DocumentYears { get; }

    public int PassageCount => PassageDocument.Length;

    private KnowledgeIndex(long revision, List<DocumentRecord> documents, List<PassageRecord> passages, int dimensions)
    {
        Revision = revision;
        Documents = documents;
        DocumentsById = documents.ToDictionary(d => d.Id);
        var docIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        passages = passages.Where(p => docIndex.ContainsKey(p.DocumentId)).OrderBy(p => docIndex[p.DocumentId]).ThenBy(p => p.Index).ToList();
        Dimensions = dimensions;
        PassageDocument = new int[passages.Count];
        PassageIndex = new int[passages.Count];
        PassageStart = new int[passages.Count];
        PassageEnd = new int[passages.Count];
        Vectors = new float[passages.Count * dimensions];
        Lexical = new Bm25Index();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            var d = docIndex[p.DocumentId];
            PassageDocument[i] = d;
            PassageIndex[i] = p.Index;
            PassageStart[i] = p.Start;
            PassageEnd[i] = p.End;
            var vector = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(p.Embedding);
            if (vector.Length == dimensions) vector.CopyTo(Vectors.AsSpan(i * dimensions, dimensions));
            Lexical.Add(Bm25Index.Tokens(documents[d].Title, p.Text));
        }
        Lexical.Seal();
        DocumentYears = documents.Select(d => DateExpressions.Find(d.Text).Where(m => m.Year is not null).Select(m => m.Year!.Value).ToHashSet()).ToArray();
    }

    public static KnowledgeIndex Build(KnowledgeDatabase db, int dimensions)
    {
        var revision = db.Revision;
        var documents = db.Documents.FindAll().ToList();
        var passages = db.Passages.FindAll().ToList();
        return new KnowledgeIndex(revision, documents, passages, dimensions);
    }

    internal ReadOnlySpan<float> Vector(int passage) => Vectors.AsSpan(passage * Dimensions, Dimensions);

    /// <summary>Which documents a filter lets through.</summary>
    internal bool[] Allowed(RetrievalFilter filter)
    {
        var allowed = new bool[Documents.Count];
        for (var i = 0; i < Documents.Count; i++) allowed[i] = Matches(i, filter);
        return allowed;
    }

    public bool Matches(DocumentRecord document, RetrievalFilter filter) =>
        Matches(Documents is List<DocumentRecord> list ? list.IndexOf(document) : -1, filter);

    private bool Matches(int i, RetrievalFilter filter)
    {
        if (i < 0) return false;
        var d = Documents[i];
        if (filter.Companies.Count > 0)
        {
            var ok = filter.MainCompanyOnly
                ? d.Companies.Count > 0 && filter.Companies.Contains(d.Companies[0], StringComparer.OrdinalIgnoreCase)
                : d.Companies.Any(c => filter.Companies.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (!ok) return false;
        }
        if (filter.From is null && filter.To is null) return true;
        return PeriodMatcher.DocumentInPeriod(d, DocumentYears[i], filter.From, filter.To);
    }
}
