namespace Bot.Knowledge.LayoffData;

public enum RoundSourceKind
{
    /// <summary>A row of a dataset (layoffs.fyi).</summary>
    DatasetRow,
    /// <summary>A figure stated in an article sentence.</summary>
    Article,
    /// <summary>A WARN Act notice filed for part of the layoff (one site or state).</summary>
    WarnNotice,
}
