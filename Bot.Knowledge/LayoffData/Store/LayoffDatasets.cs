namespace Bot.Knowledge.LayoffData;

/// <summary>Dataset names as shown in citations.</summary>
public static class LayoffDatasets
{
    public const string LayoffsFyi = "layoffs.fyi";
    public const string Warn = "WARN";
}
