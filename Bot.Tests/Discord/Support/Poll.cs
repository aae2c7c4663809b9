namespace Bot.Tests.Discord.Support;

/// <summary>Waits (bounded by the token) for state that has no signal of its own, e.g. a status flag.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition()) await Task.Delay(10, cancellationToken);
    }
}
