namespace Bot.Host.Chat;

/// <summary>
/// The platform-neutral core: a chat request goes in, a verified reply comes out.
/// Applies the per-user rate limit, carries thread context for follow-ups and bounds the time
/// an answer may take. Platform edges (Discord, Slack) call this and only translate.
/// </summary>
public sealed class ChatService(
    IAnswerEngine engine,
    IUserRateLimiter rateLimiter,
    IConversationMemory memory,
    IAnswerFeedbackStore feedback,
    IOptions<ChatOptions> options,
    ILogger<ChatService> logger)
{
    public async Task<ChatReply> AskAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var question = request.Text.Trim();
        if (question.Length == 0)
            return ChatReply.Error("Ask me a question about tech layoffs, e.g. \"How many roles did Amazon cut and why?\"");
        if (QuestionLimit.RefusalFor(question) is { } tooLong) return ChatReply.Error(tooLong);
        if (!rateLimiter.TryAcquire(request.Platform, request.UserId, out var retryAfter))
            return ChatReply.Error($"You're asking faster than I can check sources. Try again in " +
                $"{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.AnswerTimeoutSeconds)));
        try
        {
            var history = memory.Get(request.Platform, request.ChannelId, request.ThreadId);
            var answer = await engine.AnswerAsync(new AnswerRequest(question) { History = history }, timeout.Token);
            memory.Add(request.Platform, request.ChannelId, request.ThreadId, new ConversationTurn(question, answer.Text));
            var reply = ChatReplyMapper.FromAnswer(answer);
            // Stored so the answer's feedback and sources buttons can refer to it.
            return reply with { AnswerId = feedback.Record(request.Platform, question, reply) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Answer timed out after {Seconds} s on {Platform}", options.Value.AnswerTimeoutSeconds, request.Platform);
            return ChatReply.Error("Sorry, that took too long to answer. Please try again.");
        }
    }
}
