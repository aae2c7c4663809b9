namespace Bot.Knowledge.LayoffData;

/// <summary>How <see cref="LayoffRoundGrouper"/> decides that two sources describe the same layoff.</summary>
public sealed record LayoffRoundGroupingOptions
{
    /// <summary>A source joins an event when its date is at most this many days after the event's first row.</summary>
    public int WindowDays { get; init; } = 75;
    /// <summary>Head counts are compatible when the larger is at most this many times the smaller.</summary>
    public double MaxCountRatio { get; init; } = 2.5;
    /// <summary>A WARN notice joins an event when filed from this many days before its first source ...</summary>
    public int WarnDaysBefore { get; init; } = 14;
    /// <summary>... to this many days after its last source.</summary>
    public int WarnDaysAfter { get; init; } = 45;
}
