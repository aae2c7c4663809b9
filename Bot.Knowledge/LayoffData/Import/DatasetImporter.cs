using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Knowledge.LayoffData;

/// <summary>
/// What the CSV dataset importers share: one file or several in one run, timed, and its <see cref="ImportReport"/> logged.
/// Each importer reads and stores its own dataset (<see cref="ImportFiles"/>).
/// </summary>
internal abstract class DatasetImporter(ILogger? logger)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public ImportReport Import(string path, CancellationToken cancellationToken = default) => Import([path], cancellationToken);

    public ImportReport Import(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = ImportFiles(paths, cancellationToken) with { Elapsed = stopwatch.Elapsed };
        _logger.LogInformation("Imported {Report}", report.ToString());
        foreach (var skip in report.Skipped) _logger.LogDebug("Skipped {File} line {Line}: {Reason}", skip.File, skip.Line, skip.Reason);
        return report;
    }

    /// <summary>Reads <paramref name="paths"/> into the dataset's store; <see cref="Import(IReadOnlyList{string}, CancellationToken)"/>
    /// times it.</summary>
    protected abstract ImportReport ImportFiles(IReadOnlyList<string> paths, CancellationToken cancellationToken);
}
