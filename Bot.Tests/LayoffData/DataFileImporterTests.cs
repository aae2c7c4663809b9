using LiteDB;

namespace Bot.Tests.LayoffData;

public sealed class DataFileImporterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("layoffs_fyi.csv", DataFileKind.LayoffsFyi)]
    [InlineData("layoffs_fyi_2025_2026_recent.csv", DataFileKind.LayoffsFyi)]
    [InlineData("warn_notices/ca.csv", DataFileKind.WarnNotices)]
    [InlineData("warn_notices/wa.csv", DataFileKind.WarnNotices)]
    [InlineData("articles/index.csv", DataFileKind.Unknown)]
    public void Layouts_are_recognised_by_their_header(string file, DataFileKind expected)
    {
        var path = Path.Combine(EventsTestData.DataDirectory, file);
        Assert.Equal(expected, DataFileImporter.KindOfFile(path));
        // Under ingest the header is the first line the pipeline read; the importer does not open the file again to decide.
        using var db = EventsTestData.NewDatabase();
        IDataFileImporter importer = new DataFileImporter(db);
        Assert.Equal(expected != DataFileKind.Unknown, importer.CanImport("not/opened.csv", File.ReadLines(path).First()));
    }

    [Fact]
    public void Try_import_runs_the_matching_importer_and_ignores_other_csv_files()
    {
        using var db = EventsTestData.NewDatabase();
        var importer = new DataFileImporter(db);

        var warn = importer.TryImport(EventsTestData.Warn("ut"), TestContext.Current.CancellationToken);
        var other = importer.TryImport(Path.Combine(EventsTestData.DataDirectory, "articles", "index.csv"),
            TestContext.Current.CancellationToken);

        Assert.Equal(LayoffDatasets.Warn, warn!.Dataset);
        Assert.Equal(281, warn.Read);
        Assert.Null(other);
        Assert.Equal(0, LayoffDataCollections.RowsOf(db).Count());
    }

    /// <summary>
    /// Every shared data file into one database file on disk. The times are written to the test output (docs/data.md
    /// reports them); a test checks what was imported, not how fast.
    /// </summary>
    [Fact]
    public void Every_shared_data_file_imports_into_a_file_database()
    {
        var folder = Directory.CreateTempSubdirectory("layoffbot-import-").FullName;
        try
        {
            var path = Path.Combine(folder, "kb.db");
            TimeSpan layoffsTime, warnTime;
            int warnRead;
            using (var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
            {
                var layoffs = new LayoffsFyiImporter(db).Import([EventsTestData.LayoffsFyi, EventsTestData.LayoffsFyiRecent],
                    TestContext.Current.CancellationToken);
                layoffsTime = layoffs.Elapsed;
                output.WriteLine(layoffs.ToString());
                var stopwatch = Stopwatch.StartNew();
                var warn = new WarnNoticeImporter(db).Import(Directory.GetFiles(EventsTestData.WarnDirectory, "*.csv").Order().ToList(),
                    TestContext.Current.CancellationToken);
                warnTime = stopwatch.Elapsed;
                warnRead = warn.Read;
                output.WriteLine(warn.ToString());
                db.Checkpoint();
            }
            var size = new FileInfo(path).Length;
            output.WriteLine($"database file: {size / 1024.0 / 1024.0:0.0} MiB");

            output.WriteLine($"layoffs.fyi {layoffsTime.TotalSeconds:F1} s, WARN {warnTime.TotalSeconds:F1} s");
            Assert.Equal(46119, warnRead);
            Assert.InRange(size, 1_000_000, 200_000_000);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
