namespace Bot.Knowledge.LayoffData;

/// <summary>
/// Column positions of one of the two layoffs.fyi layouts, found by header names:
/// the Kaggle-style export (<c>location, total_laid_off, funds_raised</c>) and the Airtable extraction
/// (<c>location_hq, num_laid_off, funds_raised_millions</c>).
/// </summary>
internal sealed record LayoffsFyiLayout(
    string Name, bool IsPrimary, int FieldCount, int Company, int Location, int Count, int Date, int Percentage,
    int Industry, int Source, int Stage, int Country)
{
    public const string PrimaryName = "layoffs.fyi export";
    public const string SecondaryName = "layoffs.fyi Airtable extraction";

    /// <summary>The layout of a header row, or null when it is not a layoffs.fyi file.</summary>
    public static LayoffsFyiLayout? Detect(IReadOnlyList<string> header)
    {
        var columns = header.Select((name, index) => (name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), index))
            .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().index);
        int At(string name) => columns.TryGetValue(name, out var i) ? i : -1;
        string[] common = ["company", "date", "percentage_laid_off", "industry", "source", "stage", "country"];
        if (common.Any(c => At(c) < 0)) return null;
        if (At("total_laid_off") >= 0 && At("location") >= 0)
            return new(PrimaryName, true, header.Count, At("company"), At("location"), At("total_laid_off"), At("date"),
                At("percentage_laid_off"), At("industry"), At("source"), At("stage"), At("country"));
        if (At("num_laid_off") >= 0 && At("location_hq") >= 0)
            return new(SecondaryName, false, header.Count, At("company"), At("location_hq"), At("num_laid_off"), At("date"),
                At("percentage_laid_off"), At("industry"), At("source"), At("stage"), At("country"));
        return null;
    }
}
