using Bot.Host.Evaluation;

namespace Bot.Tests.Knowledge;

[Collection(ArticlesCollection.Name)]
public sealed class AnsweringTests(ArticlesFixture fixture)
{
    private const string SeedQuestion = "How many roles did Amazon cut and why?";

    [Fact]
    public async Task The_seed_question_through_the_cli_path_gives_14000_with_a_verified_quote_and_a_source()
    {
        var output = new StringWriter();
        var exit = await AskCommand.RunAsync(fixture.DatabasePath, SeedQuestion, json: true, output, TextWriter.Null, TextReader.Null,
            TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString().Trim());
        var root = json.RootElement;
        Assert.Equal(SeedQuestion, root.GetProperty("question").GetString());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        Assert.False(root.GetProperty("noAnswer").GetBoolean());
        Assert.Contains("14,000", root.GetProperty("answer").GetString());
        Assert.Contains("30,000", root.GetProperty("answer").GetString()); // Reuters' report, shown as a report
        Assert.Contains("Reuters", root.GetProperty("answer").GetString());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        var store = fixture.Services.Get<DocumentStore>();
        foreach (var c in citations)
        {
            Assert.True(c.GetProperty("verified").GetBoolean());
            var doc = store.Get(c.GetProperty("documentId").GetString()!)!;
            var start = c.GetProperty("start").GetInt32();
            var end = c.GetProperty("end").GetInt32();
            Assert.Equal(c.GetProperty("quote").GetString(), doc.Text.Substring(start, end - start));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("title").GetString()));
        }
        Assert.Contains(citations, c => c.GetProperty("quote").GetString()!.Contains("14,000"));
        Assert.True(root.GetProperty("elapsedMs").GetDouble() > 0);
    }

    [Fact]
    public async Task A_question_about_a_company_with_no_articles_is_declined_without_figures()
    {
        var answer = await fixture.Services.Get<IAnswerEngine>().AnswerAsync(new
            AnswerRequest("How many people did Netflix lay off in 2024?"), TestContext.Current.CancellationToken);
        Assert.True(answer.NoAnswer);
        Assert.Empty(answer.Citations);
        Assert.DoesNotMatch(@"\d{3}", answer.Text.Replace("2024", ""));
    }

    [Fact]
    public async Task A_follow_up_in_a_thread_keeps_the_company()
    {
        var engine = fixture.Services.Get<IAnswerEngine>();
        var first = await engine.AnswerAsync(new AnswerRequest("How many employees did Meta lay off in November 2022?"),
            TestContext.Current.CancellationToken);
        var followUp = await engine.AnswerAsync(new AnswerRequest("and why?")
            { History = [new ConversationTurn(first.Question, first.Text)] }, TestContext.Current.CancellationToken);
        Assert.False(followUp.NoAnswer);
        Assert.All(followUp.Citations, c => Assert.Contains("meta", fixture.Services.Get<DocumentStore>().Get(c.DocumentId)!.SourcePath!));
    }

    [Fact]
    public async Task Every_quote_of_every_dev_answer_is_verbatim_at_its_offsets()
    {
        var engine = fixture.Services.Get<IAnswerEngine>();
        var store = fixture.Services.Get<DocumentStore>();
        foreach (var q in EvalRunner.Load(TestPaths.DevSet))
        {
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Question), TestContext.Current.CancellationToken);
            foreach (var c in answer.Citations)
                Assert.Equal(c.Quote, store.Get(c.DocumentId)!.Text.Substring(c.Start, c.End - c.Start));
        }
    }

    /// <summary>
    /// Quality regression: the dev set must not fall below what the engine reaches now
    /// (30/30 when this bar was set; one question of margin for numeric differences between machines).
    /// </summary>
    [Fact]
    public Task The_dev_set_passes_at_least_the_current_bar_with_no_unverifiable_quotes() =>
        AssertEvalBarAsync(TestPaths.DevSet, "dev set", passedAtLeast: 29, unanswerableDeclined: 3);

    /// <summary>
    /// Quality regression on the second dev set (teams, terms, who, when, several parts, comparisons):
    /// 37/40 when this bar was set (16/40 before the answer kinds); every unanswerable question declined.
    /// </summary>
    [Fact]
    public Task The_second_dev_set_passes_at_least_the_current_bar_with_every_unanswerable_declined() =>
        AssertEvalBarAsync(TestPaths.DevSet2, "dev2", passedAtLeast: 36, unanswerableDeclined: 5);

    /// <summary>Runs the eval set at <paramref name="path"/>: no unverifiable quote, and at least the given passes.</summary>
    private async Task AssertEvalBarAsync(string path, string name, int passedAtLeast, int unanswerableDeclined)
    {
        var runner = new EvalRunner(fixture.Services.Get<IAnswerEngine>(), new EvalGrader(fixture.Services.Get<DocumentStore>()));
        var results = await runner.RunAsync(EvalRunner.Load(path), TestContext.Current.CancellationToken);
        var failures = string.Join("\n",
            results.Where(r => !r.Grade.Pass).Select(r => $"{r.Question.Id}: {string.Join("; ", r.Grade.Reasons)}"));
        var summary = EvalSummary.From(results.Select(r => r.Grade).ToList());
        Assert.True(summary.Passed >= passedAtLeast, $"{name}: {summary.Passed}/{summary.Total}\n{failures}");
        Assert.Equal(0, summary.UnverifiableQuotes);
        Assert.Equal(unanswerableDeclined, summary.ByKind["unanswerable"].Passed);
    }
}
