using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The built <see cref="KnowledgeIndex"/> saved beside the database (<c>layoffbot.db.index</c>), so a
/// start does not rebuild it from every stored passage (seconds at 50k documents). The file names the
/// database it belongs to (an id kept in the database) and the revision it reflects, and ends with a
/// SHA-256 of its content: a snapshot of another database, of another revision, of other documents, or
/// damaged in any byte is never trusted; the caller rebuilds and saves a fresh one.
/// </summary>
public static class KnowledgeIndexSnapshot
{
    private const string Magic = "LBIX";
    private const int FormatVersion = 3; // 2: segments; 3: 4-byte postings
    private const int HashLength = 32;

    public static string PathFor(string databasePath) => databasePath + ".index";

    /// <summary>The database's identity, created on first use (a snapshot of another database must not load).</summary>
    public static string DatabaseId(KnowledgeDatabase db) => new LiteKnowledgeMeta(db).DatabaseId();

    /// <summary>Writes the snapshot to a temporary file, then moves it into place (a crash leaves the old one or none).</summary>
    public static void Save(KnowledgeIndex index, KnowledgeDatabase db, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var hashing = new HashingStream(stream))
        {
            using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(DatabaseId(db));
                writer.Write(index.Revision);
                writer.Write(index.Dimensions);
                writer.Write(index.Segments.Count);
                for (var i = 0; i < index.Segments.Count; i++)
                    WriteSegment(writer, index.Segments[i], index.Removed[i], index.RemovedPassages[i]);
            }
            stream.Write(hashing.Hash());
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The index the snapshot holds when it is whole, belongs to this database and is current; else null.
    /// With a <paramref name="feed"/>, an older snapshot is brought forward instead: the documents the feed
    /// names are removed from it and read again from the database (the others must be in the database
    /// unchanged), and null only when the feed cannot say what changed.
    /// </summary>
    public static KnowledgeIndex? TryLoad(KnowledgeDatabase db, string path, int dimensions, IKnowledgeChangeFeed? feed = null)
    {
        if (!File.Exists(path)) return null;
        try
        {
            // Streamed and hashed as it is read: reading the whole file into one array first doubled the peak memory at 50k documents.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            if (file.Length <= HashLength) return null;
            using var content = new HashingReadStream(file, file.Length - HashLength);
            using var reader = new BinaryReader(content, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return null;
            if (reader.ReadString() != DatabaseId(db)) return null;
            var revision = reader.ReadInt64();
            if (reader.ReadInt32() != dimensions) return null;
            var changes = revision == db.Revision ? new KnowledgeChanges(revision, []) : feed?.ChangesSince(revision);
            if (changes is null) return null;
            var changed = changes.DocumentIds as IReadOnlySet<string> ?? changes.DocumentIds.ToHashSet(StringComparer.Ordinal);
            // The documents themselves come from the database (on the other core while the snapshot is read);
            // they must be the ones the snapshot was built over, but for those changed since.
            var fromDatabase = Task.Run(() => db.Documents.FindAll().Where(d => !changed.Contains(d.Id)).ToDictionary(d => d.Id));
            var segmentCount = reader.ReadInt32();
            if (segmentCount is < 1 or > byte.MaxValue) return null;
            var parts = new List<(string[] Keys, bool[] Removed, IndexSegment Segment, DeadPassages Dead)>();
            for (var s = 0; s < segmentCount; s++) parts.Add(ReadSegment(reader, content, dimensions));
            // Everything before the hash must have been read, and hash to it.
            if (content.Remaining != 0) return null;
            var stored = new byte[HashLength];
            file.ReadExactly(stored);
            if (!content.Hash().AsSpan().SequenceEqual(stored)) return null;

            var byId = fromDatabase.GetAwaiter().GetResult();
            var unchanged = 0;
            var segments = new List<IndexSegment>();
            var removed = new List<bool[]?>();
            var dead = new List<DeadPassages>();
            foreach (var (keys, gone, segment, deadPassages) in parts)
            {
                var stale = new List<int>();
                for (var i = 0; i < keys.Length; i++)
                {
                    var at = keys[i].LastIndexOf('@');
                    var (id, hash) = (keys[i][..at], keys[i][(at + 1)..]);
                    if (gone[i] || changed.Contains(id))
                    {
                        if (!gone[i])
                            for (var p = segment.DocumentPassageStart[i]; p < segment.DocumentPassageStart[i + 1]; p++) stale.Add(p);
                        gone[i] = true;
                        // Never read again: its passages are removed.
                        segment.Documents.Add(new DocumentRecord { Id = id, ContentHash = hash });
                        continue;
                    }
                    if (!byId.TryGetValue(id, out var d) || d.ContentHash != hash) return null;
                    segment.Documents.Add(d);
                    unchanged++;
                }
                segments.Add(segment);
                removed.Add(gone.Contains(true) ? gone : null);
                // The old text of a document changed since is gone: what its passages held is read from the postings.
                dead.Add(stale.Count == 0 ? deadPassages : deadPassages.WithPostingsOf(segment, stale));
            }
            if (unchanged != byId.Count) return null; // a document the snapshot does not hold, and the feed does not name
            var loaded = new KnowledgeIndex(revision, segments, [.. removed], [.. dead], dimensions);
            return changes.Revision == revision ? loaded : loaded.ApplyFrom(db, changes);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException
                                      or InvalidOperationException
                                      or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null; // damaged or unreadable: rebuilt by the caller
        }
    }

    private static void WriteSegment(BinaryWriter writer, IndexSegment segment, bool[]? removed, DeadPassages dead)
    {
        writer.Write(segment.Documents.Count);
        for (var i = 0; i < segment.Documents.Count; i++)
        {
            writer.Write(segment.Documents[i].Id + "@" + segment.Documents[i].ContentHash);
            writer.Write(removed is not null && removed[i]);
        }
        Write(writer, segment.PassageDocument);
        Write(writer, segment.PassageIndex);
        Write(writer, segment.PassageStart);
        Write(writer, segment.PassageEnd);
        Write(writer, segment.Vectors);
        Write(writer, segment.Scales);
        Write(writer, segment.SignCodes);
        Write(writer, segment.DocumentPassageStart);
        segment.Lexical.Write(writer);
        foreach (var years in segment.DocumentYears)
        {
            writer.Write(years.Count);
            foreach (var y in years) writer.Write(y);
        }
        writer.Write(dead.Passages);
        writer.Write(dead.Length);
        writer.Write(dead.Terms.Count);
        foreach (var (term, count) in dead.Terms)
        {
            writer.Write(term);
            writer.Write(count);
        }
    }

    /// <summary>A segment as written, its documents still to be filled in (from the database) in the order of its keys.</summary>
    private static (string[] Keys, bool[] Removed, IndexSegment Segment, DeadPassages Dead) ReadSegment(BinaryReader reader,
        HashingReadStream content, int dimensions)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > content.Remaining) throw new FormatException("bad document count");
        var keys = new string[count];
        var removed = new bool[count];
        for (var i = 0; i < count; i++) (keys[i], removed[i]) = (reader.ReadString(), reader.ReadBoolean());
        var passageDocument = ReadArray<int>(reader);
        var passageIndex = ReadArray<int>(reader);
        var passageStart = ReadArray<int>(reader);
        var passageEnd = ReadArray<int>(reader);
        var vectors = ReadArray<sbyte>(reader);
        var scales = ReadArray<float>(reader);
        var signCodes = ReadArray<ulong>(reader);
        var documentPassageStart = ReadArray<int>(reader);
        var lexical = Bm25Index.Read(reader, () => content.Remaining);
        var years = new HashSet<int>[count];
        for (var i = 0; i < years.Length; i++)
        {
            var n = reader.ReadInt32();
            years[i] = [];
            for (var j = 0; j < n; j++) years[i].Add(reader.ReadInt32());
        }
        var (deadPassages, deadLength, deadTerms) = (reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32());
        if (deadTerms < 0 || deadTerms > content.Remaining) throw new FormatException("bad term count");
        var terms = new Dictionary<string, int>(deadTerms);
        for (var i = 0; i < deadTerms; i++) terms[reader.ReadString()] = reader.ReadInt32();
        var passages = passageDocument.Length;
        if (vectors.Length != passages * dimensions || documentPassageStart.Length != count + 1 || passageIndex.Length != passages
            || passageStart.Length != passages || passageEnd.Length != passages || scales.Length != passages
            || signCodes.Length != passages * VectorSearch.WordsPerCode || lexical.Count != passages)
            throw new FormatException("inconsistent segment");
        var segment = new IndexSegment
        {
            Documents = new List<DocumentRecord>(count), Dimensions = dimensions, PassageDocument = passageDocument,
            PassageIndex = passageIndex,
            PassageStart = passageStart, PassageEnd = passageEnd, Vectors = vectors, Scales = scales, SignCodes = signCodes,
            DocumentPassageStart = documentPassageStart, Lexical = lexical, DocumentYears = years,
        };
        return (keys, removed, segment, new DeadPassages(deadPassages, deadLength, terms));
    }

    private static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        // A damaged length must not allocate gigabytes before the hash could tell.
        if (length < 0 || (reader.BaseStream is HashingReadStream h && (long)length * Marshal.SizeOf<T>() > h.Remaining)) throw new
            FormatException("bad array length");
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads at most <paramref name="length"/> bytes of the inner stream and hashes what it reads.</summary>
    private sealed class HashingReadStream(Stream inner, long length) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public long Remaining { get; private set; } = length;
        public byte[] Hash() => _hash.GetHashAndReset();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (Remaining == 0) return 0;
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, Remaining)]);
            _hash.AppendData(buffer[..read]);
            Remaining -= read;
            return read;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Passes writes through and hashes them, so the snapshot's hash costs no second read.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public byte[] Hash() => _hash.GetHashAndReset();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) { _hash.AppendData(buffer); inner.Write(buffer); }
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
