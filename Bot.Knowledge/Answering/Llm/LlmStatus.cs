namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// What the host shows about the model on <c>/health</c>: which provider and model, and how the last
/// calls went (last error, last fallback to the extractive engine). Never holds the API key.
/// </summary>
public sealed class LlmStatus(AnsweringOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private Snapshot _state = new(LlmProviders.Normalize(options.Provider), options.ModelName, null, null, null, null, null, 0, 0);

    public sealed record Snapshot(
        string Provider,
        string? Model,
        DateTimeOffset? LastSuccessAt,
        string? LastError,
        DateTimeOffset? LastErrorAt,
        string? LastFallbackReason,
        DateTimeOffset? LastFallbackAt,
        long Answered,
        long Fallbacks);

    public Snapshot Current
    {
        get { lock (_lock) return _state; }
    }

    /// <summary>Healthy until a call fails, and again after the next call succeeds.</summary>
    public bool IsHealthy
    {
        get
        {
            var s = Current;
            return s.LastErrorAt is null || (s.LastSuccessAt is { } ok && ok >= s.LastErrorAt);
        }
    }

    /// <summary>The model answered and the answer kept at least one verified quote.</summary>
    public void RecordAnswered()
    {
        lock (_lock) _state = _state with { LastSuccessAt = time.GetUtcNow(), Answered = _state.Answered + 1 };
    }

    /// <summary>The model replied, but nothing verified was left (not an error of the service).</summary>
    public void RecordReplyWithoutVerifiedAnswer(string reason)
    {
        var now = time.GetUtcNow();
        lock (_lock) _state = _state with
            { LastSuccessAt = now, LastFallbackReason = reason, LastFallbackAt = now, Fallbacks = _state.Fallbacks + 1 };
    }

    /// <summary>The call failed, timed out or returned something unreadable; the extractive answer was used.</summary>
    public void RecordFailure(string error)
    {
        var now = time.GetUtcNow();
        lock (_lock) _state = _state with
            { LastError = error, LastErrorAt = now, LastFallbackReason = error, LastFallbackAt = now, Fallbacks = _state.Fallbacks + 1 };
    }
}
