namespace Bot.Tests.LayoffData;

public sealed class ArticleFigureStoreTests
{
    [Fact]
    public void Re_ingesting_a_document_replaces_its_figures_and_leaves_other_documents_alone()
    {
        using var db = EventsTestData.NewDatabase();
        var store = new ArticleFigureStore(db);
        var date = new DateOnly(2023, 1, 4);
        store.ReplaceDocument("variety",
            [new ArticleFigure("Amazon.com, Inc.", date, 18000, null, "just over 18,000 roles", "variety", 10, 32, "Variety")]);
        store.ReplaceDocument("other", [new ArticleFigure("Meta Platforms", date, 11000, 0.13, "11,000", "other", 0, 6, "Other")]);

        store.ReplaceDocument("variety",
            [new ArticleFigure("Amazon", date, 17000, null, "17,000", "variety", 40, 46, "Variety") { Url = "https://variety.com/x" }]);

        var amazon = Assert.Single(store.ForCompany("AWS"));
        Assert.Equal((17000, 40, 46, "https://variety.com/x"), (amazon.Count, amazon.Start, amazon.End, amazon.Url));
        Assert.Equal(date, amazon.Date);
        var meta = Assert.Single(store.ForCompany("Facebook"));
        Assert.Equal(("Meta", 0.13), (meta.Company, meta.Percentage));
        Assert.Equal(2, store.All().Count);
    }
}
