namespace Bot.Host.Hosting;

/// <summary>The database's part of <c>/health</c>: reachable, how much it holds, which file.</summary>
internal sealed class KnowledgeHealthReporter(IDocumentStore store) : IHealthReporter
{
    private string? _error;

    public string Name => "database";
    public bool IsHealthy => _error is null;

    public object Describe()
    {
        try
        {
            var described = new
            {
                status = "ok", documents = store.DocumentCount, passages = store.PassageCount, revision = store.Revision,
                file = store.Location,
            };
            _error = null;
            return described;
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or Npgsql.NpgsqlException or IOException or InvalidOperationException)
        {
            _error = ex.Message;
            return new { status = "error", error = ex.Message };
        }
    }
}
