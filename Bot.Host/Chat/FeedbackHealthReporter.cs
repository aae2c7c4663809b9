namespace Bot.Host.Chat;

/// <summary>The feedback counters on <c>/health</c>: answers kept, helpful and not-helpful votes. Never unhealthy on its own.</summary>
internal sealed class FeedbackHealthReporter(IAnswerFeedbackStore store) : IHealthReporter
{
    public string Name => "feedback";
    public bool IsHealthy => true;

    public object Describe()
    {
        var counts = store.Counts();
        return new { answers = counts.Answers, helpful = counts.Helpful, notHelpful = counts.NotHelpful };
    }
}
