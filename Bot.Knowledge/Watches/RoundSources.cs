namespace Bot.Knowledge.Watches;

/// <summary>
/// Stable keys of a round's sources: a row by its date, figure and URL (not its line, which moves when a refreshed
/// table gains rows above it), an article figure by its document and offsets.
/// </summary>
internal static class RoundSources
{
    public static IEnumerable<string> Keys(LayoffRound round) =>
        round.Sources.Where(s => s.Kind != RoundSourceKind.WarnNotice).Select(Key);

    private static string Key(RoundSource source) => source.Article is { } article
        ? $"article:{article.DocumentId}:{article.Start}"
        : $"row:{source.Claimant}:{LayoffDateParser.ToIso(source.Date)}:{source.Count}:{source.Row?.Url}";
}
