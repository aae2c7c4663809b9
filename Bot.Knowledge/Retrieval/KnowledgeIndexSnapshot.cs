using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Bot.Knowledge.Storage;
using LiteDB;

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
    private const int FormatVersion = 1;
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
                writer.Write(index.Documents.Count);
                foreach (var d in index.Documents) writer.Write(d.Id + "@" + d.ContentHash);
                Write(writer, index.PassageDocument);
                Write(writer, index.PassageIndex);
                Write(writer, index.PassageStart);
                Write(writer, index.PassageEnd);
                Write(writer, index.Vectors);
                Write(writer, index.Scales);
                Write(writer, index.SignCodes);
                Write(writer, index.DocumentPassageStart);
                index.Lexical.Write(writer);
                foreach (var years in index.DocumentYears)
                {
                    writer.Write(years.Count);
                    foreach (var y in years) writer.Write(y);
                }
            }
            stream.Write(hashing.Hash());
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The index the snapshot holds when it is whole and belongs to this database at its current revision; else null.</summary>
    public static KnowledgeIndex? TryLoad(KnowledgeDatabase db, string path, int dimensions)
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
            if (revision != db.Revision || reader.ReadInt32() != dimensions) return null;
            // The documents themselves come from the database (on the other core while the snapshot is read);
            // they must be the ones the snapshot was built over.
            var fromDatabase = Task.Run(() => db.Documents.FindAll().ToDictionary(d => d.Id));
            var documentKeys = new string[reader.ReadInt32()];
            for (var i = 0; i < documentKeys.Length; i++) documentKeys[i] = reader.ReadString();
            var passageDocument = ReadArray<int>(reader);
            var passageIndex = ReadArray<int>(reader);
            var passageStart = ReadArray<int>(reader);
            var passageEnd = ReadArray<int>(reader);
            var vectors = ReadArray<sbyte>(reader);
            var scales = ReadArray<float>(reader);
            var signCodes = ReadArray<ulong>(reader);
            var documentPassageStart = ReadArray<int>(reader);
            var lexical = Bm25Index.Read(reader, () => content.Remaining);
            var years = new HashSet<int>[documentKeys.Length];
            for (var i = 0; i < years.Length; i++)
            {
                var n = reader.ReadInt32();
                years[i] = [];
                for (var j = 0; j < n; j++) years[i].Add(reader.ReadInt32());
            }
            var byId = fromDatabase.GetAwaiter().GetResult();
            if (byId.Count != documentKeys.Length) return null;
            var documents = new List<DocumentRecord>(documentKeys.Length);
            foreach (var key in documentKeys)
            {
                var at = key.LastIndexOf('@');
                if (!byId.TryGetValue(key[..at], out var d) || d.ContentHash != key[(at + 1)..]) return null;
                documents.Add(d);
            }
            if (vectors.Length != passageDocument.Length * dimensions || documentPassageStart.Length != documents.Count + 1) return null;
            // Everything before the hash must have been read, and hash to it.
            if (content.Remaining != 0) return null;
            var stored = new byte[HashLength];
            file.ReadExactly(stored);
            if (!content.Hash().AsSpan().SequenceEqual(stored)) return null;
            return new KnowledgeIndex(revision, documents, dimensions, passageDocument, passageIndex, passageStart, passageEnd, vectors, scales,
                signCodes, documentPassageStart, lexical, years);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null; // damaged or unreadable: rebuilt by the caller
        }
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
        if (length < 0 || (reader.BaseStream is HashingReadStream h && (long)length * Marshal.SizeOf<T>() > h.Remaining)) throw new FormatException("bad array length");
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
