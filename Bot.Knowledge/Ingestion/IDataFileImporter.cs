namespace Bot.Knowledge.Ingestion;

/// <summary>Imports a structured data file (a CSV of layoff rows or WARN notices) that <c>ingest</c> was given.</summary>
public interface IDataFileImporter
{
    /// <summary>True when the file's header says this importer understands it.</summary>
    bool CanImport(string path, string firstLine);
    IngestItemResult Import(string path, CancellationToken cancellationToken);
}
