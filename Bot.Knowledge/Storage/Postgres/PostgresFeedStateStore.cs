namespace Bot.Knowledge.Storage.Postgres;

/// <summary>The PostgreSQL <see cref="IFeedStateStore"/>: one row per poller kind and URL, the state kept whole as jsonb.</summary>
public sealed class PostgresFeedStateStore(PostgresDatabase database)
    : PostgresStore(database, Module), IFeedStateStore
{
    public const string Module = "feed_states";

    public FeedState? Find(string kind, string url) => Run(c =>
        c.Query("SELECT state FROM feed_states WHERE kind = @kind AND url = @url", r => PostgresSession.FromJson<FeedState>(r, 0),
            ("kind", kind), ("url", url)).FirstOrDefault());

    public void Save(string kind, FeedState state) => Run(c =>
        c.Execute("INSERT INTO feed_states (kind, url, state) VALUES (@kind, @url, @state::jsonb) " +
                  "ON CONFLICT (kind, url) DO UPDATE SET state = excluded.state",
            ("kind", kind), ("url", state.Url), ("state", PostgresSession.ToJson(state))));
}
