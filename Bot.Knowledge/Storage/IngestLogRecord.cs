namespace Bot.Knowledge.Storage;

/// <summary>One line of the ingestion log: what was tried, when, and how it ended.</summary>
public sealed class IngestLogRecord
{
    [BsonId] public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public DateTime At { get; set; }
    public string Source { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? Reason { get; set; }
    public string? DocumentId { get; set; }
}
