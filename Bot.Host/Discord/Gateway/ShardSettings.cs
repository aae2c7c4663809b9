namespace Bot.Host.Discord.Gateway;

/// <summary>
/// <c>Discord:ShardCount</c> and <c>Discord:ShardIds</c>, read once: the count (null for <c>auto</c> until
/// <c>GET /gateway/bot</c> answers) and the shard ids this instance runs (null for all of them).
/// </summary>
internal sealed record ShardSettings(int? Count, IReadOnlyList<int>? Ids)
{
    public const string Auto = "auto";
    /// <summary>A bound on ids and ranges, so a typo such as <c>0-99999999</c> is an error, not a huge list.</summary>
    public const int MaxShards = 65_536;

    public static ShardSettings Single { get; } = new(1, null);

    /// <summary>Parses both settings; each problem is added to <paramref name="failures"/> naming the setting.</summary>
    public static ShardSettings Parse(DiscordOptions options, List<string> failures)
    {
        var count = ParseCount(options.ShardCount, failures);
        var ids = ParseIds(options.ShardIds, failures);
        if (count is { } known && ids is not null && OutOfRange(ids, known, $"Discord:ShardCount is {known}") is { } error)
            failures.Add(error);
        return new ShardSettings(count, ids);
    }

    /// <summary>The ids to run once the count is known.</summary>
    public IReadOnlyList<int> IdsFor(int count) => Ids ?? Enumerable.Range(0, count).ToList();

    /// <summary>A message naming the first id that does not exist when there are <paramref name="count"/> shards.</summary>
    public static string? OutOfRange(IReadOnlyList<int> ids, int count, string countSource) =>
        ids.FirstOrDefault(id => id >= count, -1) is var bad and >= 0
            ? $"Discord:ShardIds contains {bad}, but {countSource}: shard ids run from 0 to {count - 1}."
            : null;

    private static int? ParseCount(string? value, List<string> failures)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) return 1;
        if (string.Equals(text, Auto, StringComparison.OrdinalIgnoreCase)) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxShards)
            return count;
        failures.Add($"Discord:ShardCount must be a whole number from 1 to {MaxShards} or 'auto' (got '{text}').");
        return 1;
    }

    /// <summary>Entries may hold several ids ("0,1", as one environment variable) and ranges ("4-7").</summary>
    private static List<int>? ParseIds(IEnumerable<string> entries, List<string> failures)
    {
        var tokens = entries
            .SelectMany(e => e.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (tokens.Count == 0) return null;
        var ids = new List<int>();
        var seen = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (ParseRange(token) is not var (from, to))
            {
                failures.Add($"Discord:ShardIds contains '{token}', which is neither a shard id (0 to {MaxShards - 1}) "
                    + "nor a range such as 0-3.");
                continue;
            }
            var twice = Enumerable.Range(from, to - from + 1).Where(id => !seen.Add(id)).ToList();
            if (twice.Count > 0) failures.Add($"Discord:ShardIds lists shard {twice[0]} twice.");
            ids.AddRange(Enumerable.Range(from, to - from + 1).Except(twice));
        }
        return ids;
    }

    private static (int From, int To)? ParseRange(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        var from = dash < 0 ? ParseId(token) : ParseId(token[..dash]);
        var to = dash < 0 ? from : ParseId(token[(dash + 1)..]);
        return from is { } a && to is { } b && a <= b ? (a, b) : null;
    }

    private static int? ParseId(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < MaxShards ? id : null;
}
