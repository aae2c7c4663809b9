namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Derives more from a stored document (e.g. the layoff figures its sentences state). Runs inside the
/// document's transaction, so the derived data appears and disappears with the document.
/// </summary>
public interface IDocumentIndexer
{
    /// <param name="sentences">The document's sentence spans, as ingestion segmented them.</param>
    void Index(DocumentRecord document, IReadOnlyList<Text.TextSpan> sentences);
}
