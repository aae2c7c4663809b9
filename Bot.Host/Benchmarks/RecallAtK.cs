namespace Bot.Host.Benchmarks;

/// <summary>
/// Recall@k of the files that support a question: a question is a hit when one of its top-k passages
/// comes from a file listed in its <c>sources</c>. Questions without sources (unanswerable) are not counted.
/// </summary>
internal static class RecallAtK
{
    public static bool IsHit(IReadOnlyList<string> sources, IEnumerable<string?> retrievedSourcePaths) =>
        retrievedSourcePaths.Any(path => path is not null && sources.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase));

    public static double Recall(int hits, int questions) => questions == 0 ? 0 : (double)hits / questions;
}
