using Bot.Knowledge.Answering;

namespace Bot.Tests.Discord.Support;

/// <summary>The answering dependency of platform tests: returns the given answer and records the questions.</summary>
internal sealed class FixedAnswerEngine(Answer answer) : IAnswerEngine
{
    public List<string> Questions { get; } = [];
    /// <summary>When set, answers wait for it: lets a test hold an answer "in flight".</summary>
    public TaskCompletionSource? Hold { get; set; }
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        lock (Questions) Questions.Add(request.Question);
        Started.TrySetResult();
        if (Hold is { } hold) await hold.Task.WaitAsync(cancellationToken);
        return answer with { Question = request.Question };
    }

    public static Answer Sample() => new()
    {
        Question = "",
        Text = "Amazon cut about 18,000 roles in January 2023, citing an uncertain economy.",
        Mode = "extractive",
        Citations =
        [
            new Citation
            {
                N = 1, Quote = "we will be eliminating just over 18,000 roles", DocumentId = "doc-1",
                Title = "Update from Andy Jassy", Url = "https://www.aboutamazon.com/news/company-news/andy-jassy-update",
                Publisher = "Amazon", Published = "2023-01-04", Verified = true,
            },
        ],
    };
}
