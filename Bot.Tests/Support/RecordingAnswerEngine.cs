using System.Collections.Concurrent;

namespace Bot.Tests.Support;

/// <summary>
/// The answering dependency of the platform tests (the platform layer is what is under test): records every
/// <see cref="AnswerRequest"/> (question and thread history) and answers with one verified quote, by default an
/// echo of the question. A test can hold answers back with <see cref="Gate"/> to prove acks do not wait for them.
/// </summary>
public sealed class RecordingAnswerEngine(Func<AnswerRequest, Answer>? answer = null) : IAnswerEngine
{
    private readonly ConcurrentQueue<AnswerRequest> _requests = new();
    private readonly TaskCompletionSource<AnswerRequest> _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<AnswerRequest, Answer> _answer = answer ?? Echo;

    /// <summary>Answers every question with <paramref name="fixedAnswer"/> (its question replaced).</summary>
    public RecordingAnswerEngine(Answer fixedAnswer) : this(request => fixedAnswer with { Question = request.Question })
    {
    }

    public IReadOnlyList<AnswerRequest> Requests => _requests.ToList();
    public IReadOnlyList<string> Questions => _requests.Select(r => r.Question).ToList();
    public Task<AnswerRequest> FirstCall => _firstCall.Task;
    /// <summary>When set, answers wait for it to complete: lets a test hold an answer "in flight".</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        _firstCall.TrySetResult(request);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return _answer(request);
    }

    /// <summary>An answer about Amazon's January 2023 cuts with one verified quote.</summary>
    public static Answer Sample() => OneQuote("", "Amazon cut about 18,000 roles in January 2023, citing an uncertain economy.",
        "we will be eliminating just over 18,000 roles", "Update from Andy Jassy",
        "https://www.aboutamazon.com/news/company-news/andy-jassy-update", "Amazon");

    /// <summary>Names the question in its text; its citation's title and URL hold characters a renderer must escape.</summary>
    private static Answer Echo(AnswerRequest request) => OneQuote(request.Question, $"Answer about: {request.Question}",
        "Amazon said it would cut 18,000 jobs.", "Amazon layoffs <update>", "https://example.com/amazon?a=1&b=2", "Example News");

    private static Answer OneQuote(string question, string text, string quote, string title, string url, string publisher) => new()
    {
        Question = question,
        Text = text,
        Mode = "extractive",
        Citations =
        [
            new Citation
            {
                N = 1, Quote = quote, DocumentId = "doc-1", Title = title, Url = url,
                Publisher = publisher, Published = "2023-01-04", Verified = true,
            },
        ],
    };
}
