namespace Bot.Host.Chat;

/// <summary>What a click on "Helpful" / "Not helpful" did.</summary>
public enum VoteOutcome
{
    Recorded,
    /// <summary>The user had voted the other way; the vote now counts this way.</summary>
    Changed,
    /// <summary>The same vote again (a double click, a replayed click): nothing changes.</summary>
    Unchanged,
    UnknownAnswer,
    /// <summary>The answer is older than the retention period.</summary>
    Expired,
}
