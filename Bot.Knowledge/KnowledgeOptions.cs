namespace Bot.Knowledge;

/// <summary>Settings of the knowledge base (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Where the knowledge base lives: <c>litedb</c> (default; one file, one process) or <c>postgres</c>
    /// (<see cref="ConnectionString"/>; several instances share it).
    /// </summary>
    public string Store { get; set; } = KnowledgeStores.LiteDb;

    /// <summary>Npgsql connection string when <see cref="Store"/> is <c>postgres</c> (from configuration or the environment, never the
    /// repository).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>LiteDB file; relative paths are resolved from the working directory. Folder created on demand.</summary>
    public string DatabasePath { get; set; } = "data/layoffbot.db";

    /// <summary>
    /// One process at a time may have the database open. Another one waits this long for it (saying so),
    /// then stops with exit code 3 without touching the file.
    /// </summary>
    public int WriterWaitSeconds { get; set; } = 60;

    /// <summary>
    /// Ingested by <c>ask</c> when the database is empty; relative paths resolve from the working directory. The host
    /// puts its defaults first and resolves relative paths where it finds its data (the bot: the checkout's shared data).
    /// </summary>
    public string[] SeedPaths { get; set; } = [];

    /// <summary><c>serve</c> ingests the seed paths in the background when the database is empty.</summary>
    public bool SeedOnServe { get; set; } = true;

    /// <summary>URL ingestion refuses loopback, private and link-local addresses unless this is true.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// Proxy for URL ingestion (e.g. http://proxy:3128). Proxy environment variables are ignored for
    /// ingestion; when this is set, each target host is resolved and checked before its request.
    /// </summary>
    public string? Proxy { get; set; }

    public int DownloadTimeoutSeconds { get; set; } = 20;
    public int MaxDownloadBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;

    /// <summary>A file or page whose text is larger than this is refused rather than stored (LiteDB caps a document at 16 MB, and embedding
    /// one this big takes minutes).</summary>
    public int MaxDocumentBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>RSS/Atom feeds polled by <c>serve</c>.</summary>
    public string[] Feeds { get; set; } = [];
    /// <summary>CSV tables (layoffs.fyi or WARN layout) polled by <c>serve</c> like the feeds; new rows are imported.</summary>
    public string[] DataFeeds { get; set; } = [];
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>The values of <see cref="KnowledgeOptions.Store"/>.</summary>
public static class KnowledgeStores
{
    public const string LiteDb = "litedb";
    public const string Postgres = "postgres";

    /// <summary>
    /// Whether the configuration puts the knowledge base in PostgreSQL (read before the options are bound, to choose services).
    /// </summary>
    public static bool IsPostgres(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Store)}"] == Postgres;
}
