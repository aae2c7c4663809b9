using Bot.Knowledge.Companies;

namespace Bot.Host.Chat;

/// <summary>
/// Company names for autocomplete: the companies the knowledge base knows (articles' companies and the
/// layoffs.fyi rows), matched by prefix, then by the prefix of any word, then with typos (a small edit
/// distance to the start of the name). The name list is read once and again only when the database
/// changed or a few minutes passed (data imports do not bump the revision), so a keystroke costs a scan
/// of an in-memory list, never a database query.
/// </summary>
public sealed class CompanyNameSuggester(IDocumentStore documents, ILayoffRowStore rows, TimeProvider time)
{
    /// <summary>Discord accepts at most 25 choices.</summary>
    public const int MaxSuggestions = 25;
    /// <summary>Discord's limit for a choice's name and value.</summary>
    public const int MaxNameLength = 100;
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private sealed record Company(string Name, string Key, string[] WordKeys, int Mentions);
    private sealed record Snapshot(long Revision, DateTimeOffset ReadAt, IReadOnlyList<Company> Companies);

    private readonly Lock _refreshLock = new();
    private volatile Snapshot? _snapshot;

    public IReadOnlyList<string> Suggest(string typed, int limit = MaxSuggestions)
    {
        var companies = Current().Companies;
        var query = EmployerNameNormalizer.Key(typed);
        if (query.Length == 0) return companies.Take(limit).Select(c => c.Name).ToList();

        var allowedTypos = query.Length switch { < 3 => 0, < 7 => 1, _ => 2 };
        return companies
            .Select(c => (c.Name, c.Mentions, Rank: Rank(c, query, allowedTypos)))
            .Where(m => m.Rank < int.MaxValue)
            .OrderBy(m => m.Rank).ThenByDescending(m => m.Mentions).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .Select(m => m.Name)
            .ToList();
    }

    /// <summary>0 prefix of the name, 1 prefix of a later word, 2 + typos within the allowance, else none.</summary>
    private static int Rank(Company company, string query, int allowedTypos)
    {
        if (company.Key.StartsWith(query, StringComparison.Ordinal)) return 0;
        if (company.WordKeys.Any(w => w.StartsWith(query, StringComparison.Ordinal))) return 1;
        if (allowedTypos == 0) return int.MaxValue;
        var distance = PrefixEditDistance(query, company.Key, allowedTypos);
        return distance <= allowedTypos ? 2 + distance : int.MaxValue;
    }

    /// <summary>
    /// The fewest edits (insert, delete, substitute, swap of neighbours) turning <paramref name="query"/> into
    /// some prefix of <paramref name="key"/>; stops early once every path exceeds <paramref name="bound"/>.
    /// </summary>
    internal static int PrefixEditDistance(string query, string key, int bound)
    {
        var columns = Math.Min(key.Length, query.Length + bound) + 1;
        var before = new int[columns];
        var previous = new int[columns];
        var current = new int[columns];
        for (var j = 0; j < columns; j++) previous[j] = j;
        for (var i = 1; i <= query.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j < columns; j++)
            {
                var cost = query[i - 1] == key[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && query[i - 1] == key[j - 2] && query[i - 2] == key[j - 1]) best = Math.Min(best, before[j - 2] + 1);
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            if (rowMin > bound) return rowMin;
            (before, previous, current) = (previous, current, before);
        }
        return previous.Min();
    }

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        var now = time.GetUtcNow();
        if (snapshot is not null && snapshot.Revision == documents.Revision && now - snapshot.ReadAt < RefreshAfter) return snapshot;
        lock (_refreshLock)
        {
            snapshot = _snapshot;
            if (snapshot is not null && snapshot.Revision == documents.Revision && now - snapshot.ReadAt < RefreshAfter) return snapshot;
            return _snapshot = Read(now);
        }
    }

    private Snapshot Read(DateTimeOffset now)
    {
        var revision = documents.Revision;
        var companies = documents.DocumentCompanies().Concat(rows.Companies())
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(EmployerNameNormalizer.Canonical)
            .Where(n => n.Length <= MaxNameLength)
            .GroupBy(EmployerNameNormalizer.Key)
            .Where(g => g.Key.Length > 0)
            .Select(g => new Company(g.First(), g.Key, g.Key.Split(' ')[1..], g.Count()))
            .OrderByDescending(c => c.Mentions).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Snapshot(revision, now, companies);
    }
}
