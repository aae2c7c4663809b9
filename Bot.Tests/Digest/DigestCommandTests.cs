namespace Bot.Tests.Digest;

/// <summary><c>digest --preview</c> over a prepared database (one stored article, so the CLI does not seed the shared data).</summary>
public sealed class DigestCommandTests : IDisposable
{
    private readonly string _path = TestDatabase.NewPath();
    private readonly TestPaths.TempDir _temp = new();

    public DigestCommandTests()
    {
        using var database = KnowledgeDatabase.Open(_path);
        LayoffRowsFile.Import(database.Database, ("Acme", 120, "2026-06-10"), ("Globex", 300, "2026-06-12"));
        using var services = new KnowledgeServices(database, time: new FakeTimeProvider(Utc("2026-06-11T12:00:00Z")));
        NewsArticle.Store(services, "acme", "Acme", "2026-06-10",
            "Acme is cutting 120 jobs because demand for its rockets slowed sharply this year.", title: "Acme cuts 120 jobs");
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(bool preview, string? since, string? until, string? chart)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await DigestCommand.RunAsync(_path, preview, since, until, chart, output, errors,
            new FakeTimeProvider(Utc("2026-11-28T08:00:00Z")), Wait.Token());
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task The_default_last_seven_days_are_empty_here_and_the_user_is_told_to_try_a_longer_period()
    {
        var (code, output, _) = await RunAsync(preview: true, since: null, until: null, chart: null);
        Assert.Equal(0, code);
        Assert.Contains("No new layoffs reported since November 21, 2026 (data to 12 Jun 2026).", output);
        Assert.Contains("the latest row is dated 2026-06-12", output);
        Assert.Contains("--since 2025-01-01", output);
    }

    [Fact]
    public async Task A_period_with_data_prints_events_reasons_articles_and_writes_the_chart()
    {
        var chart = _temp.File("digest.png");
        var (code, output, _) = await RunAsync(preview: true, since: "2026-06-01", until: "2026-06-13", chart: chart);
        Assert.Equal(0, code);
        Assert.Contains("2 layoff events (420 roles) at 2 companies; 1 new article about 1 company.", output);
        Assert.Contains("Globex: 300 roles", output);
        Assert.Contains("Acme: 120 roles (10%), Jun 10, 2026 (layoffs.fyi, https://example.com/acme-2026-06-10) — why: [1]", output);
        Assert.Contains("[1] \"Acme is cutting 120 jobs because demand for its rockets slowed sharply this year.\"", output);
        Assert.Contains("New on Acme: Acme cuts 120 jobs (Example News)", output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(chart).Take(4));
    }

    [Fact]
    public async Task A_period_past_the_data_still_writes_the_chart_and_says_where_the_data_ends()
    {
        var chart = _temp.File("past.png");
        var (code, output, _) = await RunAsync(preview: true, since: "2026-06-01", until: null, chart: chart);
        Assert.Equal(0, code);
        Assert.Contains("to Nov 28, 2026 08:00 UTC (data to 12 Jun 2026): 2 layoff events", output);
        Assert.Contains("Chart (Jun 1 – Jun 12, 2026 (data to 12 Jun 2026)) written to " + chart, output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(chart).Take(4));
    }

    [Fact]
    public async Task Without_preview_or_with_a_bad_date_it_explains_and_fails()
    {
        var (code, _, errors) = await RunAsync(preview: false, since: null, until: null, chart: null);
        Assert.Equal(2, code);
        Assert.Contains("--preview", errors);
        (code, _, errors) = await RunAsync(preview: true, since: "last tuesday", until: null, chart: null);
        Assert.Equal(2, code);
        Assert.Contains("--since 'last tuesday'", errors);
    }

    public void Dispose() => _temp.Dispose();
}
