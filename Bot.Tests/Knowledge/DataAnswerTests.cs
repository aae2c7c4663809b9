namespace Bot.Tests.Knowledge;

/// <summary>Answers from the layoffs.fyi rows and WARN notices, each row cited and verified against the stored row.</summary>
public sealed class DataAnswerTests : IAsyncLifetime
{
    private readonly KnowledgeDatabase _db = KnowledgeDatabase.InMemory();
    private KnowledgeServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = new KnowledgeServices(_db);
        var report = await _services.Get<IngestionPipeline>().IngestAsync(
            [RepositoryPaths.Shared("data", "layoffs_fyi.csv"), RepositoryPaths.Shared("data", "warn_notices", "wa.csv")], null,
                CancellationToken.None);
        Assert.DoesNotContain(report.Items, i => i.Outcome == IngestOutcome.Failed);
    }

    public ValueTask DisposeAsync()
    {
        _services.Dispose();
        _db.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<Answer> Ask(string q)
        => _services.Get<IAnswerEngine>().AnswerAsync(new AnswerRequest(q), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Which_companies_cut_the_most_in_2023_is_answered_with_verified_rows()
    {
        var answer = await Ask("which companies cut the most jobs in 2023?");
        Assert.False(answer.NoAnswer);
        Assert.StartsWith("By the layoffs.fyi rows", answer.Text);
        Assert.True(answer.Text.IndexOf("Amazon", StringComparison.Ordinal) < answer.Text.IndexOf("Microsoft", StringComparison.Ordinal));
        Assert.Equal(5, answer.DataCitations.Count);
        Assert.All(answer.DataCitations, r => Assert.True(r.Verified));
        Assert.All(answer.DataCitations, r => Assert.Contains("2023-", r.Row));
        Assert.All(answer.DataCitations, r => Assert.Equal("layoffs_fyi.csv", Path.GetFileName(r.File)));
    }

    [Fact]
    public async Task A_count_no_article_gives_comes_from_the_cited_rows()
    {
        var answer = await Ask("how many people did apple lay off in 2024?");
        Assert.False(answer.NoAnswer);
        Assert.Contains("None of the articles", answer.Text);
        Assert.NotEmpty(answer.DataCitations);
        // Every figure stated is in a cited, verified row.
        foreach (var row in answer.DataCitations) Assert.Contains(row.Row.Split(" | ")[2].Split(' ')[0], answer.Text);
    }

    [Fact]
    public async Task Warn_notices_by_company_and_state_cite_the_notice_rows()
    {
        var answer = await Ask("did Amazon file WARN notices in Washington?");
        Assert.StartsWith("Yes", answer.Text);
        Assert.All(answer.DataCitations, r => Assert.Equal("wa.csv", Path.GetFileName(r.File)));
        Assert.All(answer.DataCitations, r => Assert.True(r.Verified));
    }

    [Fact]
    public void A_tampered_data_row_is_dropped_by_the_verifier()
    {
        var verifier = _services.Get<AnswerVerifier>();
        var row = new DataCitation { N = 1, Row = "Amazon | 2023-01-04 | 80,000 laid off", Dataset = "layoffs.fyi",
            File = "layoffs_fyi.csv", Line = 2 };
        var verified = verifier.Verify(new Answer
            { Question = "q", Mode = "extractive", Text = "Amazon cut 80,000 [1].", DataCitations = [row] });
        Assert.Empty(verified.DataCitations);
        Assert.DoesNotContain("80,000", verified.Text);
    }
}
