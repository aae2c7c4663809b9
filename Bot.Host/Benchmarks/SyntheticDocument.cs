namespace Bot.Host.Benchmarks;

/// <summary>A passage of a synthetic document: its span in the document text and the text its embedding is computed from.</summary>
internal sealed record SyntheticPassage(int Start, int End, string EmbeddingText);

/// <summary>A generated distractor document with its passages (embeddings come from <see cref="EmbeddingCache"/>).</summary>
internal sealed record SyntheticDocument(DocumentRecord Document, IReadOnlyList<SyntheticPassage> Passages);
