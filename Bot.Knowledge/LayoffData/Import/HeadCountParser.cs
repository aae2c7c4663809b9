namespace Bot.Knowledge.LayoffData;

/// <summary>Head counts as the data files write them: whole and non-negative, possibly as "200.0" (the Airtable export).</summary>
internal static class HeadCountParser
{
    /// <summary>A blank field is no count (true, null); anything else must be a whole number of people.</summary>
    public static bool TryParse(string? text, out int? count)
    {
        count = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value != decimal.Truncate(value) || value > int.MaxValue) return false;
        count = (int)value;
        return true;
    }
}
