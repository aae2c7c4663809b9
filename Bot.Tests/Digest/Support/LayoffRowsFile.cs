using LiteDB;

namespace Bot.Tests.Digest.Support;

/// <summary>Writes layoffs.fyi rows (recent-file layout) to a temporary CSV and imports them with the real importer.</summary>
internal static class LayoffRowsFile
{
    public const string Header = "company,location_hq,num_laid_off,date,percentage_laid_off,industry,source,stage,funds_raised_millions," +
        "country,date_added";

    /// <summary>The table's text: the header and one line per row (10%, source URL https://example.com/{company}-{date}).</summary>
    public static string Csv(params (string Company, int Count, string Date)[] rows) =>
        string.Join("\n", [Header, .. rows.Select(r =>
            $"{r.Company},SF Bay Area,{r.Count}.0,{r.Date},0.1,Other,https://example.com/{r.Company.ToLowerInvariant()}-{r.Date}," +
                $"Post-IPO,100.0,United States,{r.Date}T12:00:00.000Z")]) + "\n";

    public static void Import(ILiteDatabase database, params (string Company, int Count, string Date)[] rows)
    {
        var folder = Directory.CreateTempSubdirectory("layoffbot-digest-").FullName;
        try
        {
            var path = Path.Combine(folder, "layoffs_fyi_2025_2026_recent.csv");
            File.WriteAllText(path, Csv(rows));
            new LayoffsFyiImporter(database).Import(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
