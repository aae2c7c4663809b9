namespace Bot.Knowledge.Storage;

/// <summary>
/// One LiteDB transaction around a unit of work: committed when the work returns, rolled back when it
/// throws. LiteDB keeps one transaction per thread, so a transaction an earlier failure left open would
/// make every later write on that thread fail ("already open"); it is rolled back first.
/// </summary>
public static class LiteTransaction
{
    public static T Run<T>(ILiteDatabase database, Func<T> work)
    {
        if (!database.BeginTrans())
        {
            RollbackQuietly(database);
            if (!database.BeginTrans())
                throw new InvalidOperationException("A knowledge-base transaction is already open on this thread and could not be rolled " +
                    "back.");
        }
        try
        {
            var result = work();
            database.Commit();
            return result;
        }
        catch
        {
            RollbackQuietly(database);
            throw;
        }
    }

    public static void Run(ILiteDatabase database, Action work) => Run(database, () => { work(); return true; });

    /// <summary>The work's own failure is the one worth reporting; after an I/O error LiteDB closes itself and the rollback fails
    /// too.</summary>
    private static void RollbackQuietly(ILiteDatabase database)
    {
        try { database.Rollback(); }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException) { }
    }
}
