using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Digest.Support;

/// <summary>Moves a fake clock on while background loops catch up, without real sleeping beyond short yields.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Sets the clock to <paramref name="target"/> (if it is behind), then nudges it a second at a time until
    /// <paramref name="condition"/> holds: a loop that read the clock just before the jump sleeps at most a
    /// one-minute slice, which the nudges run out.
    /// </summary>
    public static async Task AdvanceToAsync(FakeTimeProvider time, DateTimeOffset target, Func<bool> condition, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < target) time.SetUtcNow(target);
        while (!condition())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(10, cancellationToken);
            if (!condition()) time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Lets background loops run for a moment of real time without moving the clock (to show nothing more happens).</summary>
    public static Task SettleAsync(CancellationToken cancellationToken) => Task.Delay(150, cancellationToken);
}
