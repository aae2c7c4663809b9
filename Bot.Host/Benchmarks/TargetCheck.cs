namespace Bot.Host.Benchmarks;

/// <summary>One target of issue 9 with the figure measured against it.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
