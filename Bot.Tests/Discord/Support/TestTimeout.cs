namespace Bot.Tests.Discord.Support;

/// <summary>Every await in a protocol test is bounded, so a hung exchange fails fast instead of stalling CI.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token(int seconds = 10)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(seconds));
        return source.Token;
    }
}
