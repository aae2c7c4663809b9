using Bot.Knowledge.Embeddings;

namespace Bot.Host.Benchmarks;

/// <summary>
/// Appends synthetic documents to a knowledge base in batched transactions (the per-document path
/// of ingestion is measured separately on the real articles). Embeddings come from the cache only.
/// </summary>
internal static class SyntheticCorpusWriter
{
    private const int BatchSize = 500;

    /// <summary>Returns the number of passages written.</summary>
    public static int Write(KnowledgeDatabase db, IEnumerable<SyntheticDocument> documents, EmbeddingCache cache, DateTime ingestedAt,
        CancellationToken cancellationToken)
    {
        var passages = 0;
        foreach (var batch in documents.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var records = new List<PassageRecord>();
            foreach (var synthetic in batch)
            {
                synthetic.Document.IngestedAt = ingestedAt;
                records.AddRange(Passages(synthetic, cache));
            }
            LiteTransaction.Run(db.Database, () =>
            {
                db.Documents.InsertBulk(batch.Select(b => b.Document));
                db.Passages.InsertBulk(records);
                db.BumpRevision();
            });
            passages += records.Count;
        }
        return passages;
    }

    /// <summary>The document's passages, with their embeddings from the cache.</summary>
    public static IEnumerable<PassageRecord> Passages(SyntheticDocument synthetic, EmbeddingCache cache)
    {
        var (document, spans) = synthetic;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            yield return new PassageRecord
            {
                Id = $"{document.Id}:{i}", DocumentId = document.Id, Index = i, Start = span.Start, End = span.End,
                Text = document.Text[span.Start..span.End], Embedding = VectorMath.ToBytes(cache.Get(span.EmbeddingText)),
            };
        }
    }
}
