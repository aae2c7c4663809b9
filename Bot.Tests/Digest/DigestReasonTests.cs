namespace Bot.Tests.Digest;

/// <summary>
/// A digest reason comes from an article about the company in the same round (invented rows and articles, real
/// importer, pipeline and LiteDB): not from an idiom that sounds like the company, not from an older round.
/// </summary>
public sealed class DigestReasonTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new(time: new FakeTimeProvider(Utc("2026-11-30T08:00:00Z")));

    private void Store(string slug, string company, string published, string text) =>
        NewsArticle.Store(_kb.Services, slug, company, published, text);

    private DigestRow Event(string company, string from, string to) =>
        NewsArticle.DigestBuilder(_kb.Database, TimeProvider.System)
            .Build(new DigestPeriod(Utc(from), Utc(to)), withChart: false).Events.Single(e => e.Company == company);

    [Fact]
    public void A_company_named_like_a_common_word_is_not_explained_by_an_idiom_in_another_companys_article()
    {
        LayoffRowsFile.Import(_kb.Database.Database, ("Block", 4000, "2026-02-26"));
        const string idiom = "Meta is cutting 600 jobs in its AI division because it wants smaller teams, with more roles on the " +
            "chopping block this time.";
        Store("meta-ai", "Meta", "2026-02-25", idiom);
        Assert.Contains("Block", _kb.Database.Documents.FindAll().Single().Companies); // the word alone did match the name

        Assert.Null(Event("Block", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z").Reason);

        const string own = "Block is cutting 4,000 jobs because Jack Dorsey wants smaller teams built around AI tools.";
        Store("block-cuts", "Block", "2026-02-26", own);
        Assert.Equal(own, Event("Block", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z").Reason?.Quote);
    }

    [Fact]
    public void A_reason_from_an_older_round_of_the_same_company_is_refused()
    {
        LayoffRowsFile.Import(_kb.Database.Database, ("Acme", 11000, "2022-11-09"), ("Acme", 800, "2026-05-20"));
        Store("acme-2022", "Acme", "2022-11-09", "Acme is cutting 11,000 jobs because revenue fell sharply after the pandemic boom ended.");
        // Published in the new round's window, but the sentence is about the old round.
        Store("acme-look-back", "Acme", "2026-05-21",
            "In November 2022, Acme cut 11,000 jobs because demand collapsed across its rocket business.");

        Assert.Null(Event("Acme", "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").Reason);
        Assert.Equal("Acme is cutting 11,000 jobs because revenue fell sharply after the pandemic boom ended.",
            Event("Acme", "2022-11-01T00:00:00Z", "2022-12-01T00:00:00Z").Reason?.Quote);

        // An article of unknown date counts when its sentence states a day or month of the round.
        const string dated = "On May 20, 2026, Acme cut 800 jobs because its new rockets need fewer people to build.";
        Store("acme-undated", "Acme", "unknown", dated);
        var reason = Event("Acme", "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").Reason!;
        Assert.Equal(dated, reason.Quote);
        Assert.Contains(reason.Quote, _kb.Database.Documents.FindById(reason.DocumentId).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_naming_the_company_in_an_article_about_another_company_is_not_its_reason()
    {
        LayoffRowsFile.Import(_kb.Database.Database, ("Google", 100, "2025-10-01"));
        Store("amazon-cloud", "Amazon", "2025-10-01",
            "Amazon cut 14,000 jobs. However, analysts note that AWS lags behind Google Cloud in profit growth because of rising AI " +
                "costs.");
        Assert.Contains("Google", _kb.Database.Documents.FindAll().Single().Companies); // the article does name Google

        Assert.Null(Event("Google", "2025-10-01T00:00:00Z", "2025-11-01T00:00:00Z").Reason);
    }

    [Theory]
    [InlineData("Block cut 4,000 jobs on Thursday.", "Block", true)]
    [InlineData("More roles are on the chopping block this time.", "Block", false)]
    [InlineData("Meta Puts 600 AI Jobs On The Chopping Block", "Block", false)]
    [InlineData("The team will ramp up hiring in the spring.", "Ramp", false)]
    [InlineData("Ramp laid off 10% of its staff.", "Ramp", true)]
    [InlineData("They went back to square one.", "Square", false)]
    [InlineData("It is a snap decision.", "Snap", false)]
    [InlineData("Snap said it would cut 10% of staff.", "Snap", true)]
    [InlineData("amazon cut jobs", "Amazon", true)]
    public void Common_word_names_need_a_capital_and_no_idiom(string text, string company, bool expected) =>
        Assert.Equal(expected, Bot.Knowledge.Companies.CompanyMentionEvidence.Mentions(text, company));

    public void Dispose() => _kb.Dispose();
}
