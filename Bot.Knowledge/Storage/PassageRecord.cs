namespace Bot.Knowledge.Storage;

/// <summary>A few consecutive sentences of a document with their embedding. <c>Text == doc.Text[Start..End]</c>.</summary>
public sealed class PassageRecord
{
    [BsonId] public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public int Index { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Unit-length float32 vector, stored as raw little-endian bytes (1.5 KB for MiniLM) rather than a BSON array.</summary>
    public byte[] Embedding { get; set; } = [];
}
