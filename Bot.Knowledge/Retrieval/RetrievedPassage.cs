using Bot.Knowledge.Storage;

namespace Bot.Knowledge.Retrieval;

/// <summary>A passage that matched a query, with its document and fused score (higher is better).</summary>
public sealed record RetrievedPassage(DocumentRecord Document, int PassageIndex, int Start, int End, double Score, double Cosine)
{
    public string Text => Document.Text.Substring(Start, End - Start);
}
