namespace Bot.Tests.LayoffData;

public sealed class LayoffsFyiImporterTests
{
    private const string PrimaryHeader =
        "company,location,total_laid_off,date,percentage_laid_off,industry,source,stage,funds_raised,country,date_added";
    private const string RecentHeader =
        "company,location_hq,num_laid_off,date,percentage_laid_off,industry,source,stage,funds_raised_millions,country,date_added";

    [Fact]
    public void Both_month_first_date_forms_are_read_from_the_real_file()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new LayoffsFyiImporter(db).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);
        var rows = LayoffDataCollections.RowsOf(db);

        Assert.Equal(4523, report.Read);
        var january = rows.FindOne(r => r.File == "layoffs_fyi.csv" && r.Line == 2600); // "Amazon,...,8000,01-04-2023,0.02"
        Assert.Equal(("Amazon", "2023-01-04", 8000, 0.02), (january.Company, january.Date, january.Count, january.Percentage));
        var november = rows.FindOne(r => r.File == "layoffs_fyi.csv" && r.Line == 2842); // "Amazon,...,10000,11/16/2022,0.03"
        Assert.Equal(("2022-11-16", 10000), (november.Date, november.Count));
        Assert.DoesNotContain(report.Skipped, s => !s.Reason.StartsWith("duplicate"));
    }

    [Fact]
    public void Missing_counts_and_percentages_are_null_not_zero()
    {
        using var db = EventsTestData.NewDatabase();
        new LayoffsFyiImporter(db).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);

        // "Amazon,Seattle,,7/22/2026,,"
        var row = LayoffDataCollections.RowsOf(db).FindOne(r => r.File == "layoffs_fyi.csv" && r.Line == 5);
        Assert.Equal(("Amazon", "2026-07-22"), (row.Company, row.Date));
        Assert.Null(row.Count);
        Assert.Null(row.Percentage);
    }

    [Fact]
    public void Junk_copy_names_get_the_real_company_and_keep_the_raw_name()
    {
        using var db = EventsTestData.NewDatabase();
        new LayoffsFyiImporter(db).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);

        var row = LayoffDataCollections.RowsOf(db).FindOne(r => r.File == "layoffs_fyi.csv" && r.Line == 1467);
        Assert.Equal("Sage Therapeutics copy", row.RawCompany);
        Assert.Equal("Sage Therapeutics", row.Company);
    }

    [Fact]
    public void Duplicate_lines_are_skipped_and_reported_while_same_day_rows_with_other_figures_are_kept()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new LayoffsFyiImporter(db).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);
        var rows = LayoffDataCollections.RowsOf(db);

        // FNZ 07-06-2023 London: lines 1703 and 1704 both say 1,000 and 15%.
        var fnz = Assert.Single(report.Skipped, s => s.Line == 1704);
        Assert.Contains("duplicate of line 1703", fnz.Reason);
        // Beyond Meat 10/14/2022: lines 3046 and 3047 agree but cite different articles; the second URL is kept.
        Assert.Contains(report.Skipped, s => s.Line == 3047);
        var kept = rows.FindOne(r => r.Line == 3046 && r.File == "layoffs_fyi.csv");
        Assert.Contains(kept.ExtraSources, e => e.Line == 3047 && e.Url!.Contains("fooddive"));
        // Rapid 4/25/2023: 115 (line 1955) and 70 (line 1956) are different reports; both stay.
        Assert.NotNull(rows.FindOne(r => r.Line == 1955 && r.File == "layoffs_fyi.csv"));
        Assert.NotNull(rows.FindOne(r => r.Line == 1956 && r.File == "layoffs_fyi.csv"));
        Assert.Equal(report.Duplicates, report.Skipped.Count(s => s.Reason.StartsWith("duplicate")));
        Assert.Equal(report.Read - report.Skipped.Count, rows.Count());
    }

    [Fact]
    public void The_recent_file_with_bom_iso_dates_and_other_column_names_is_read()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new LayoffsFyiImporter(db).Import(EventsTestData.LayoffsFyiRecent, TestContext.Current.CancellationToken);

        Assert.Equal(641, report.Read);
        var apple = LayoffDataCollections.RowsOf(db).FindOne(r => r.Line == 2);
        Assert.Equal(("Apple", "2026-08-21", 200, "SF Bay Area"), (apple.Company, apple.Date, apple.Count, apple.Location));
        Assert.DoesNotContain(report.Skipped, s => !s.Reason.StartsWith("duplicate"));
    }

    [Fact]
    public void The_same_company_and_date_in_both_files_is_one_row_that_names_both_sources()
    {
        using var db = EventsTestData.NewDatabase();
        var report = new LayoffsFyiImporter(db).Import([EventsTestData.LayoffsFyiRecent, EventsTestData.LayoffsFyi],
            TestContext.Current.CancellationToken);
        var rows = LayoffDataCollections.RowsOf(db);

        var stripe = Assert.Single(rows.Find(r => r.CompanyKey == "stripe" && r.Date == "2025-01-21"));
        Assert.Equal(("layoffs_fyi.csv", 566), (stripe.File, stripe.Line));
        Assert.Contains(stripe.ExtraSources, e => e.File == "layoffs_fyi_2025_2026_recent.csv" && e.Line == 617);
        Assert.True(report.Merged > 500, $"merged {report.Merged}");
        // Rows after the primary file's last date come from the recent file only.
        var late = rows.FindAll().Where(r => string.CompareOrdinal(r.Date, "2026-07-24") >= 0).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, r => Assert.Equal("layoffs_fyi_2025_2026_recent.csv", r.File));
    }

    [Fact]
    public void Re_import_changes_nothing_and_reports_every_row_unchanged()
    {
        using var db = EventsTestData.NewDatabase();
        var importer = new LayoffsFyiImporter(db);
        var first = importer.Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent], TestContext.Current.CancellationToken);
        var count = LayoffDataCollections.RowsOf(db).Count();

        var second = importer.Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent], TestContext.Current.CancellationToken);

        Assert.True(first.Added > 4000);
        Assert.Equal((0, 0, 0), (second.Added, second.Updated, second.Merged));
        Assert.Equal(first.Added + first.Merged, second.Unchanged);
        Assert.Equal(count, LayoffDataCollections.RowsOf(db).Count());
    }

    [Fact]
    public void Import_order_of_the_two_files_gives_the_same_rows()
    {
        using var forward = EventsTestData.NewDatabase();
        using var backward = EventsTestData.NewDatabase();
        new LayoffsFyiImporter(forward).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);
        new LayoffsFyiImporter(forward).Import(EventsTestData.LayoffsFyiRecent, TestContext.Current.CancellationToken);
        new LayoffsFyiImporter(backward).Import(EventsTestData.LayoffsFyiRecent, TestContext.Current.CancellationToken);
        new LayoffsFyiImporter(backward).Import(EventsTestData.LayoffsFyi, TestContext.Current.CancellationToken);

        string Describe(LayoffRow r) => $"{r.Id}|{r.File}|{r.Line}|{r.Count}";
        Assert.Equal(
            LayoffDataCollections.RowsOf(forward).FindAll().Select(Describe).Order().ToList(),
            LayoffDataCollections.RowsOf(backward).FindAll().Select(Describe).Order().ToList());
    }

    [Fact]
    public void Unparseable_rows_are_reported_with_line_and_reason_and_the_rest_imported()
    {
        using var temp = new TempCsv();
        var path = temp.Write("layoffs_fyi.csv", string.Join("\n",
            PrimaryHeader,
            "Acme,\"Tel Aviv, Non-U.S.\",120,3/2/2023,0.1,Retail,https://example.org/a,Series B,10,Israel,3/3/2023",
            "Bolt,\"Two\nLines\",abc,3/2/2023,,Retail,https://example.org/b,Series B,10,Estonia,3/3/2023",
            ",Berlin,10,3/2/2023,,Retail,https://example.org/c,Seed,1,Germany,3/3/2023",
            "Cargo,Berlin,10,2023-13-45,,Retail,https://example.org/d,Seed,1,Germany,3/3/2023",
            "Dash,Berlin,10",
            "Echo,Berlin,10,12-01-2022,1.5,Retail,https://example.org/e,Seed,1,Germany,12-02-2022",
            "Foxtrot,Paris,,12-01-2022,,Retail,,Seed,,France,12-02-2022") + "\n");

        using var db = EventsTestData.NewDatabase();
        var report = new LayoffsFyiImporter(db).Import(path, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new SkippedRow("layoffs_fyi.csv", 3, "unparseable head count 'abc'"),
                new SkippedRow("layoffs_fyi.csv", 5, "missing company"),
                new SkippedRow("layoffs_fyi.csv", 6, "unparseable date '2023-13-45'"),
                new SkippedRow("layoffs_fyi.csv", 7, "expected 11 fields, found 3"),
                new SkippedRow("layoffs_fyi.csv", 8, "unparseable percentage '1.5'"),
            ],
            report.Skipped);
        Assert.Equal(2, report.Added);
        var acme = LayoffDataCollections.RowsOf(db).FindOne(r => r.Company == "Acme");
        Assert.Equal(("Tel Aviv, Non-U.S.", "2023-03-02", 2), (acme.Location, acme.Date, acme.Line));
        Assert.Equal(9, LayoffDataCollections.RowsOf(db).FindOne(r => r.Company == "Foxtrot").Line);
    }

    [Fact]
    public void A_changed_row_is_updated_in_place_on_re_import()
    {
        using var temp = new TempCsv();
        var v1 = temp.Write("layoffs_fyi.csv",
            $"{PrimaryHeader}\nAcme,Berlin,120,3/2/2023,0.1,Retail,https://example.org/a,Seed,1,Germany,3/3/2023\n");
        using var db = EventsTestData.NewDatabase();
        new LayoffsFyiImporter(db).Import(v1, TestContext.Current.CancellationToken);

        var v2 = temp.Write("layoffs_fyi.csv",
            $"{PrimaryHeader}\nAcme,Berlin,150,03-02-2023,0.1,Retail,https://example.org/a,Seed,1,Germany,3/3/2023\n");
        var report = new LayoffsFyiImporter(db).Import(v2, TestContext.Current.CancellationToken);

        Assert.Equal((0, 1), (report.Added, report.Updated));
        Assert.Equal(150, Assert.Single(LayoffDataCollections.RowsOf(db).FindAll()).Count);
    }

    [Fact]
    public void A_csv_that_is_not_layoffs_fyi_is_reported_not_imported()
    {
        using var temp = new TempCsv();
        var path = temp.Write("other.csv", "name,value\nx,1\n");
        using var db = EventsTestData.NewDatabase();

        var report = new LayoffsFyiImporter(db).Import(path, TestContext.Current.CancellationToken);

        Assert.Equal("header is not a layoffs.fyi layout", Assert.Single(report.Skipped).Reason);
        Assert.Equal(0, LayoffDataCollections.RowsOf(db).Count());
        Assert.Equal(RecentHeader.Split(',').Length, PrimaryHeader.Split(',').Length);
    }
}
