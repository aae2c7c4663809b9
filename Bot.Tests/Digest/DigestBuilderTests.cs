using Bot.Knowledge.Companies;

namespace Bot.Tests.Digest;

/// <summary>Digest content over a real knowledge base: rows imported from CSV, articles through the ingestion pipeline.</summary>
public sealed class DigestBuilderTests : IDisposable
{
    private static readonly DigestPeriod Period = new(Utc("2026-11-26T09:00:00Z"), Utc("2026-11-27T09:00:00Z"));
    private const string ReasonSentence = "Acme is cutting 120 jobs because demand for its rockets slowed sharply this year.";

    private readonly FakeTimeProvider _time = new(Utc("2026-11-25T12:00:00Z"));
    private readonly TempKnowledgeBase _kb;

    public DigestBuilderTests()
    {
        _kb = new TempKnowledgeBase(time: _time);
        LayoffRowsFile.Import(
            _kb.Database.Database, ("Acme", 120, "2026-11-26"), ("Acme", 30, "2026-11-20"), ("Globex", 300, "2026-11-25"));
        NewsArticle.Store(_kb.Services, "old", "Globex", "2026-11-26",
            "Globex is cutting 300 jobs because of weak demand for its software.", title: "Globex trims staff");
        _time.SetUtcNow(Utc("2026-11-26T12:00:00Z"));
        NewsArticle.Store(_kb.Services, "new", "Acme", "2026-11-26",
            "Acme makes rockets in the desert. Google cut jobs because of AI spending, a report said last week. " + ReasonSentence
                + " The company did not comment further.", title: "Acme cuts 120 jobs");
    }

    private DigestBuilder Builder() => NewsArticle.DigestBuilder(_kb.Database, TimeProvider.System);

    [Fact]
    public void Events_are_the_rows_dated_in_the_period_each_with_a_verbatim_reason_about_its_own_company()
    {
        var content = Builder().Build(Period);

        var acme = Assert.Single(content.Events);
        Assert.Equal(("Acme", 120, new DateOnly(2026, 11, 26)), (acme.Company, acme.Count!.Value, acme.Date));
        Assert.Equal(LayoffDatasets.LayoffsFyi, acme.Citation.Dataset);
        Assert.Equal("https://example.com/acme-2026-11-26", acme.Citation.Url);
        Assert.Equal(ReasonSentence, acme.Reason!.Quote);
        var document = _kb.Database.Documents.FindById(acme.Reason.DocumentId);
        Assert.Contains(acme.Reason.Quote, document.Text, StringComparison.Ordinal);
        Assert.Equal(120, content.TotalLaidOff);
        Assert.False(content.IsEmpty);
    }

    [Fact]
    public void Articles_are_those_ingested_in_the_period_grouped_by_company_and_the_chart_covers_30_days()
    {
        var content = Builder().Build(Period);

        var group = Assert.Single(content.Articles);
        Assert.Equal("Acme", group.Company);
        Assert.Equal("Acme cuts 120 jobs", Assert.Single(group.Articles).Title);
        Assert.Equal("Oct 28 – Nov 26, 2026", content.ChartLabel);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], content.Chart!.Take(4));
        Assert.Equal(["Globex", "Acme"],
            Builder().Build(new DigestPeriod(Utc("2026-11-20T00:00:00Z"), Utc("2026-11-27T00:00:00Z"))).Totals.Select(t => t.Company));
    }

    [Fact]
    public void A_reason_is_never_a_sentence_about_another_company()
    {
        var published = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        var aboutAmazon = new DocumentRecord
        {
            Id = "amazon", Title = "Amazon cuts", Companies = ["Amazon", "Microsoft"], Published = published, PublishedPrecision = "day",
            Text = "Amazon cut jobs in its stores unit. The company said it was because costs rose sharply across its retail business " +
                "this year.",
        };
        var aboutMicrosoft = new DocumentRecord
        {
            Id = "microsoft", Title = "Microsoft trims teams", Companies = ["Microsoft", "Google / Alphabet"], Published = published,
                PublishedPrecision = "day",
            Text = "Google cut jobs because of AI spending and rising costs, a report said last week. The company trimmed teams because " +
                "growth slowed in its cloud business this quarter.",
        };
        var microsoft = EmployerNameNormalizer.CompanyKey("Microsoft");
        var window = new RoundWindow(new DateOnly(2026, 11, 12), new DateOnly(2026, 12, 26));

        Assert.Null(RoundReasonFinder.Find(microsoft, window, [aboutAmazon]));
        var reason = RoundReasonFinder.Find(microsoft, window, [aboutAmazon, aboutMicrosoft])!;
        Assert.Equal("The company trimmed teams because growth slowed in its cloud business this quarter.", reason.Quote);
        Assert.Equal("microsoft", reason.DocumentId);
    }

    [Fact]
    public void A_quiet_period_past_the_data_is_empty_but_still_has_a_chart_that_says_where_the_data_ends()
    {
        var content = Builder().Build(new DigestPeriod(Utc("2027-03-01T09:00:00Z"), Utc("2027-03-02T09:00:00Z")));
        Assert.True(content.IsEmpty);
        Assert.Equal(new DateOnly(2026, 11, 26), content.DataTo);
        Assert.Equal("Jan 31 – Mar 1, 2027 (data to 26 Nov 2026)", content.ChartLabel);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], content.Chart!.Take(4));
    }

    [Fact]
    public void A_long_period_is_charted_by_week_up_to_the_newest_row_with_the_top_companies_labelled()
    {
        var rows = Bot.Knowledge.LayoffData.LayoffDataCollections.RowsOf(_kb.Database.Database).FindAll().ToList();
        var (first, last) = DigestChart.Window(new DateOnly(2026, 6, 1), new DateOnly(2027, 1, 1), new DateOnly(2026, 11, 26));
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 26)), (first, last));

        var (buckets, days) = DigestChart.Buckets(rows, first, last);

        Assert.Equal(7, days);
        Assert.Equal(new DateOnly(2026, 6, 1), buckets[0].Start); // a Monday
        Assert.Equal(rows.Sum(r => r.Count ?? 0), buckets.Sum(b => b.Roles));
        var labelled = buckets.Where(b => b.Labels.Count > 0).ToList();
        Assert.Equal(["Globex", "Acme"], labelled.SelectMany(b => b.Labels));
        Assert.Equal(new DateOnly(2026, 11, 23), labelled.Single().Start); // both largest rounds fall in the week of Nov 23
    }

    public void Dispose() => _kb.Dispose();
}
