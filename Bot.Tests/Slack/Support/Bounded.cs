namespace Bot.Tests.Slack.Support;

/// <summary>Every wait in a Slack test ends: the xunit token plus a hard 10 s ceiling.</summary>
internal static class Bounded
{
    public static CancellationToken Token(int seconds = 10)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(seconds));
        return cts.Token;
    }
}
