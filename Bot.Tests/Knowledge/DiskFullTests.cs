namespace Bot.Tests.Knowledge;

/// <summary>A full disk (an injected stream failure: the machine has no small tmpfs to fill) stops ingestion with one clear failure, not a
/// cascade.</summary>
public sealed class DiskFullTests
{
    /// <summary>A log stream that refuses to grow past <see cref="MaxLength"/> bytes, as a full disk does.</summary>
    private sealed class FullDiskStream : MemoryStream
    {
        public long MaxLength { get; set; } = long.MaxValue;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Position + count > MaxLength) throw new IOException("No space left on device");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Position + buffer.Length > MaxLength) throw new IOException("No space left on device");
            base.Write(buffer);
        }
    }

    [Fact]
    public async Task A_full_disk_stops_the_ingest_with_a_database_failure_naming_what_to_do()
    {
        var log = new FullDiskStream();
        using var db = KnowledgeDatabase.OnStreams(new MemoryStream(), log);
        using var services = new KnowledgeServices(db);
        log.MaxLength = log.Length + 256 * 1024; // room for a few documents, not for the whole folder

        var failure = await Assert.ThrowsAnyAsync<IOException>(() =>
            services.Get<IngestionPipeline>().IngestAsync([TestPaths.Articles], null, TestContext.Current.CancellationToken));

        Assert.True(KnowledgeDatabaseException.IsUnusable(failure)); // so the run stops instead of failing every later file
        var message = KnowledgeDatabaseException.FromFailure(failure, "/data/layoffbot.db")!.Message;
        Assert.StartsWith("cannot read or write the knowledge base /data/layoffbot.db (No space left on device); check the disk has room",
            message);
    }
}
