namespace Bot.Tests.LayoffData;

public sealed class WarnNoticeImporterTests
{
    [Fact]
    public void The_Amazon_Washington_notice_listed_twice_is_stored_once_with_the_other_line_kept()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new WarnNoticeImporter(db).Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);

        var amazon = LayoffDataCollections.WarnOf(db).Find(n => n.CompanyKey == "amazon" && n.EmployeesAffected == 2303).ToList();
        var notice = Assert.Single(amazon);
        Assert.Equal(("WA", "Various locations in Washington", "2025-10-28", "2026-01-26"),
            (notice.State, notice.Location, notice.NoticeDate, notice.EffectiveDate));
        var duplicate = Assert.Single(notice.Duplicates);
        Assert.Equal("wa.csv", duplicate.File);
        Assert.Contains("2026-01-26", duplicate.Note);
        Assert.Contains(report.Skipped,
            s => s.File == "wa.csv" && s.Line == duplicate.Line && s.Reason.StartsWith("duplicate of wa.csv line"));
        Assert.Equal(2835, report.Read);
        Assert.Equal(report.Read - report.Skipped.Count, LayoffDataCollections.WarnOf(db).Count());
    }

    [Fact]
    public void State_files_with_the_old_16_and_the_enriched_45_column_schemas_import_together()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new WarnNoticeImporter(db).Import([EventsTestData.Warn("ca"), EventsTestData.Warn("ut")],
            TestContext.Current.CancellationToken);
        var notices = LayoffDataCollections.WarnOf(db);

        Assert.Equal(14171 + 281, report.Read);
        Assert.DoesNotContain(report.Skipped, s => !s.Reason.StartsWith("duplicate"));
        // CA,"Vista Ford, Inc",Canoga Park,2014-01-15,2015-03-16,11,closure
        var vista = notices.FindOne(n => n.File == "ca.csv" && n.Line == 2);
        Assert.Equal(("Vista Ford, Inc", "Vista Ford", "Canoga Park", "2014-01-15", "2015-03-16", 11, true),
            (vista.Employer, vista.Company, vista.Location, vista.NoticeDate, vista.EffectiveDate, vista.EmployeesAffected,
                vista.IsClosure));
        Assert.Null(vista.RegisterCanonicalName);
        Assert.Contains(notices.Find(n => n.State == "UT"), n => n.RegisterCanonicalName is not null);
    }

    [Fact]
    public void Flags_and_missing_values_are_read_as_the_state_published_them()
    {
        using var db = EventsTestData.NewDatabase();
        new WarnNoticeImporter(db).Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);
        var notices = LayoffDataCollections.WarnOf(db).FindAll().ToList();

        Assert.Contains(notices, n => n.IsTemporary == true);
        Assert.Contains(notices, n => n.IsTemporary == false);
        Assert.Contains(notices, n => n.EmployeesAffected is null);
        Assert.All(notices, n => Assert.Equal(n.LayoffType == "closure", n.IsClosure));
    }

    [Fact]
    public void Re_import_of_a_state_file_leaves_every_notice_unchanged()
    {
        using var db = EventsTestData.NewDatabase();
        var importer = new WarnNoticeImporter(db);
        var first = importer.Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);
        var second = importer.Import(EventsTestData.Warn("wa"), TestContext.Current.CancellationToken);

        Assert.Equal((first.Added, 0, 0), (second.Unchanged, second.Added, second.Updated));
    }
}
