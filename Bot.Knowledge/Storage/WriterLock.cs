using System.Diagnostics;

namespace Bot.Knowledge.Storage;

/// <summary>
/// The one-writer-per-file rule: an exclusive OS lock on <c>&lt;database&gt;.lock</c>, held while a process
/// has the database open. LiteDB's direct mode is not safe across processes (two writers corrupted the
/// file and lost documents silently), so a second process waits for the first or stops. Within one
/// process the lock is shared and counted (tests and tools open one file twice, as they always could).
/// The lock file is left in place: deleting it would let a third process lock a different file of the same name.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly Dictionary<string, (FileStream Stream, int Holders)> Held = new(StringComparer.Ordinal);
    private readonly string _databasePath;
    private bool _released;

    private WriterLock(string databasePath) => _databasePath = databasePath;

    public static string LockPathOf(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> (saying so once) while another process holds it.</summary>
    /// <exception cref="DatabaseBusyException">Still held by another process when the wait is over.</exception>
    public static WriterLock Acquire(string databasePath, TimeSpan wait, Action<string>? onWaiting)
    {
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                lock (Held)
                {
                    var stream = Held.TryGetValue(databasePath, out var held) ? held.Stream
                        : new FileStream(LockPathOf(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    Held[databasePath] = (stream, held.Holders + 1);
                    return new WriterLock(databasePath);
                }
            }
            catch (IOException held) when (held.GetType() == typeof(IOException))
            {
                if (waited.Elapsed >= wait) throw new DatabaseBusyException(databasePath, wait, held);
                if (!announced) onWaiting?.Invoke($"waiting for another LayoffBot process using {databasePath} (up to " +
                    $"{wait.TotalSeconds:0} s, Knowledge:WriterWaitSeconds)");
                announced = true;
                Thread.Sleep(PollInterval);
            }
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (_released) return;
            _released = true;
            var (stream, holders) = Held[_databasePath];
            if (holders > 1)
            {
                Held[_databasePath] = (stream, holders - 1);
                return;
            }
            Held.Remove(_databasePath);
            stream.Dispose();
        }
    }
}

/// <summary>Another process kept the database for longer than this one was willing to wait; nothing was read or written.</summary>
public sealed class DatabaseBusyException(string filePath, TimeSpan waited, Exception inner)
    : KnowledgeDatabaseException(filePath,
        $"another LayoffBot process is still using {filePath} after {waited.TotalSeconds:0} s; nothing was changed. Run again when it " +
            $"has finished (stop `serve`, or ingest through the bot's /ingest), or raise Knowledge:WriterWaitSeconds.",
        inner);
