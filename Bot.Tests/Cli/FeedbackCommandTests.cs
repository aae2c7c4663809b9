using System.CommandLine;
using Bot.Host.Evaluation;

namespace Bot.Tests.Cli;

/// <summary><c>feedback</c> and <c>feedback --export</c> over a database holding votes.</summary>
public sealed class FeedbackCommandTests : IDisposable
{
    private readonly TestPaths.TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Lists_the_not_helpful_answers_with_their_questions_and_exports_eval_lines_to_fill_in()
    {
        var db = _dir.File("kb.db");
        string disliked;
        using (var host = BotHostFactory.CreateCliHost(db))
        {
            var store = host.Services.GetRequiredService<IAnswerFeedbackStore>();
            disliked = store.Record("slack", "why did Meta cut jobs in 2022?", new ChatReply
            {
                Text = "Meta cut 11,000 jobs.",
                Mode = "extractive",
                Quotes = [new ChatQuote(1, "cutting 11,000 jobs",
                    new ChatSource("Meta layoffs", "https://example.com/meta", "Example", "2022-11-09"))],
            });
            var liked = store.Record("discord", "how many roles did Amazon cut?",
                new ChatReply { Text = "About 18,000.", Mode = "extractive" });
            store.Vote(disliked, "slack", "U1", helpful: false);
            store.Vote(liked, "discord", "1", helpful: true);
        }
        var export = _dir.File("eval.jsonl");

        var (code, output) = await RunAsync("--db", db, "feedback", "--export", export);

        Assert.Equal(0, code);
        Assert.Contains("Q: why did Meta cut jobs in 2022?", output);
        Assert.Contains("A: Meta cut 11,000 jobs.", output);
        Assert.Contains("[1] \"cutting 11,000 jobs\" — Meta layoffs <https://example.com/meta>", output);
        Assert.DoesNotContain("Amazon", output);
        var line = Assert.Single(EvalRunner.Load(export));
        Assert.Equal(("fb-" + disliked, "why did Meta cut jobs in 2022?"), (line.Id, line.Question));
        Assert.Empty(line.ExpectAll);
        Assert.Empty(line.ExpectAny);
        Assert.Empty(line.Sources);
        Assert.Contains("Meta cut 11,000 jobs.", line.Note);
    }

    [Fact]
    public async Task Without_votes_it_says_so()
    {
        var (code, output) = await RunAsync("--db", _dir.File("kb.db"), "feedback");

        Assert.Equal(0, code);
        Assert.Equal("No answer has been marked \"not helpful\" yet.", output.Trim());
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await BotCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = new StringWriter() },
            TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }
}
