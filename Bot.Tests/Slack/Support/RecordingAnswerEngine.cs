using System.Collections.Concurrent;
using Bot.Knowledge.Answering;

namespace Bot.Tests.Slack.Support;

/// <summary>
/// The answering dependency of the Slack tests (the Slack layer is what is under test): records every
/// <see cref="AnswerRequest"/> (question and thread history) and answers with one verified quote.
/// A test can hold answers back with <see cref="Gate"/> to prove acks do not wait for them.
/// </summary>
internal sealed class RecordingAnswerEngine : IAnswerEngine
{
    private readonly ConcurrentQueue<AnswerRequest> _requests = new();
    private readonly TaskCompletionSource<AnswerRequest> _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AnswerRequest> Requests => _requests.ToList();
    public Task<AnswerRequest> FirstCall => _firstCall.Task;
    /// <summary>When set, answers wait for it to complete.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        _firstCall.TrySetResult(request);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return new Answer
        {
            Question = request.Question,
            Text = $"Answer about: {request.Question}",
            Mode = "extractive",
            Citations =
            [
                new Citation
                {
                    N = 1, Quote = "Amazon said it would cut 18,000 jobs.", DocumentId = "doc-1",
                    Title = "Amazon layoffs <update>", Url = "https://example.com/amazon?a=1&b=2",
                    Publisher = "Example News", Published = "2023-01-04", Verified = true,
                },
            ],
        };
    }
}
