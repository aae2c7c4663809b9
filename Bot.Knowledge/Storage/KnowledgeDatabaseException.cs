using System.Diagnostics;

namespace Bot.Knowledge.Storage;

/// <summary>The knowledge-base file cannot be used as it is; the message names the file and what the operator can do.</summary>
public class KnowledgeDatabaseException(string filePath, string message, Exception? inner = null) : Exception(message, inner)
{
    public string FilePath { get; } = filePath;

    /// <summary>
    /// Describes a failure that came from the database file (permissions, damage, disk), or returns null
    /// for any other failure. I/O and decoding errors count only when LiteDB raised them, so a missing
    /// input file is not blamed on the database.
    /// </summary>
    public static KnowledgeDatabaseException? FromFailure(Exception failure, string filePath) => failure switch
    {
        KnowledgeDatabaseException known => known,
        UnauthorizedAccessException when FromLiteDb(failure) =>
            new(filePath, $"cannot open the knowledge base {filePath} for reading and writing ({failure.Message}); make it a writable " +
                $"file, or use another --db path.", failure),
        LiteException or DecoderFallbackException or EndOfStreamException when FromLiteDb(failure) =>
            new(filePath, $"the knowledge base {filePath} cannot be read ({failure.Message}); it is probably damaged: move it aside and " +
                $"run again to rebuild it from Knowledge:SeedPaths, or restore a copy.", failure),
        IOException when FromLiteDb(failure) =>
            new(filePath, $"cannot read or write the knowledge base {filePath} ({failure.Message}); check the disk has room and the file " +
                $"is reachable, then run again.", failure),
        _ => null,
    };

    /// <summary>
    /// True when the failure leaves the database unusable for the rest of the run (LiteDB closes itself
    /// after an I/O error such as a full disk; a PostgreSQL server that cannot be reached, as opposed to one statement the
    /// server refused): going on would only fail every later item the same way.
    /// </summary>
    public static bool IsUnusable(Exception failure) =>
        failure is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED }
        || failure is Npgsql.NpgsqlException and not Npgsql.PostgresException
        || (failure is IOException or UnauthorizedAccessException && FromLiteDb(failure));

    private static bool FromLiteDb(Exception failure) =>
        failure is LiteException || new
            StackTrace(failure).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);
}
