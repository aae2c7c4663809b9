namespace Bot.Knowledge.Storage;

/// <summary>Records about the knowledge base itself: its identity and the progress of its seeding.</summary>
public interface IKnowledgeMeta
{
    /// <summary>The knowledge base's identity, created on first use.</summary>
    string DatabaseId();

    /// <summary>The seeding that was started (and how far it got), or null when none was.</summary>
    SeedingProgress? ReadSeeding();

    void WriteSeeding(SeedingProgress progress);
}

/// <summary>Which paths a seeding set out to ingest, and which of them it finished.</summary>
public sealed record SeedingProgress(IReadOnlyList<string> Paths, IReadOnlyList<string> Done);

/// <summary>The LiteDB <see cref="IKnowledgeMeta"/>: records in the file's <c>meta</c> collection.</summary>
public sealed class LiteKnowledgeMeta(KnowledgeDatabase db) : IKnowledgeMeta
{
    private const string SeedId = "seed";

    public string DatabaseId()
    {
        var found = db.ReadMeta("instance");
        if (found is not null) return found["id"].AsString;
        var id = Guid.NewGuid().ToString("N");
        db.WriteMeta(new BsonDocument { ["_id"] = "instance", ["id"] = id });
        return id;
    }

    public SeedingProgress? ReadSeeding() => db.ReadMeta(SeedId) is { } state
        ? new SeedingProgress(Strings(state["paths"]), Strings(state["done"]))
        : null;

    public void WriteSeeding(SeedingProgress progress) => db.WriteMeta(new BsonDocument
    {
        ["_id"] = SeedId, ["paths"] = Array(progress.Paths), ["done"] = Array(progress.Done),
    });

    private static List<string> Strings(BsonValue value) => value.AsArray.Select(v => v.AsString).ToList();
    private static BsonArray Array(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));
}
