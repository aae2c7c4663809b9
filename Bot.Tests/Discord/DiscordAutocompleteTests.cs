namespace Bot.Tests.Discord;

/// <summary>
/// Autocomplete (interaction type 4) for <c>/layoffs company:</c> against the loopback Discord, over the
/// shared layoffs.fyi table plus one article about a company the table does not have.
/// </summary>
public sealed class DiscordAutocompleteTests
{
    private const string ArticleOnlyCompany = "Zephyrine Labs";

    [Fact]
    public async Task Company_autocomplete_offers_prefix_word_and_typo_matches_from_articles_and_layoffs_fyi_at_most_25()
    {
        var ct = Wait.Token(60);
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        SeedCompanies(discord.Services);

        var prefix = await ChoicesAsync(discord, "amaz", 1, ct);
        Assert.Equal("Amazon", prefix[0].Name);
        Assert.All(prefix, c => Assert.Equal(c.Name, c.Value));

        Assert.Contains("Amazon", (await ChoicesAsync(discord, "Amzaon", 2, ct)).Select(c => c.Name)); // swapped letters
        Assert.Contains("Microsoft", (await ChoicesAsync(discord, "micrsoft", 3, ct)).Select(c => c.Name)); // a letter missing
        Assert.Equal(ArticleOnlyCompany, (await ChoicesAsync(discord, "zephy", 4, ct)).First().Name);
        Assert.Contains(ArticleOnlyCompany, (await ChoicesAsync(discord, "labs", 5, ct)).Select(c => c.Name)); // a later word

        var everything = await ChoicesAsync(discord, "", 6, ct);
        Assert.Equal(CompanyNameSuggester.MaxSuggestions, everything.Count);
        Assert.Equal(everything.Count, everything.Select(c => c.Name).Distinct().Count());
        Assert.Empty(await ChoicesAsync(discord, "qqqqqqqqqq", 7, ct));
        Assert.Empty(discord.Bot.Engine.Questions);
    }

    [Fact]
    public async Task Company_autocomplete_latency_over_200_keystrokes_is_reported()
    {
        // Measured here, asserted nowhere: a wall-clock bound would fail on a busy machine without a bug.
        var ct = Wait.Token(120);
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        SeedCompanies(discord.Services);
        var typed = new[] { "a", "am", "ama", "amaz", "m", "me", "met", "g", "go", "goo", "micr", "micrsoft", "sales", "zephy", "lab", "tw",
            "twit", "uber", "ly", "sh" };
        await ChoicesAsync(discord, "warm-up", 1000, ct);

        var elapsed = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            var choices = await ChoicesAsync(discord, typed[i % typed.Length], 1001 + i, ct);
            elapsed.Add(watch.Elapsed.TotalMilliseconds);
            Assert.InRange(choices.Count, 0, CompanyNameSuggester.MaxSuggestions);
        }

        elapsed.Sort();
        var p50 = elapsed[(int)Math.Ceiling(0.50 * elapsed.Count) - 1];
        var p99 = elapsed[(int)Math.Ceiling(0.99 * elapsed.Count) - 1];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"autocomplete over the gateway, {elapsed.Count} keystrokes, {typed.Length} prefixes: p50 {p50:F1} ms, p99 {p99:F1} ms, max " +
                $"{elapsed[^1]:F1} ms");
    }

    [Theory]
    [InlineData("amazon", "amazon", 0)]
    [InlineData("amaz", "amazon", 0)]
    [InlineData("amzaon", "amazon", 1)]
    [InlineData("micrsoft", "microsoft", 1)]
    [InlineData("shopfy", "shopify", 1)]
    [InlineData("xyz", "amazon", 3)]
    public void Prefix_edit_distance_counts_the_edits_to_the_names_start(string typed, string name, int expected) =>
        Assert.Equal(expected, CompanyNameSuggester.PrefixEditDistance(typed, name, 3));

    /// <summary>The shared layoffs.fyi table, and one article whose company only the article names.</summary>
    private static void SeedCompanies(IServiceProvider services)
    {
        services.GetRequiredService<DataFileImporter>().TryImport(RepositoryPaths.Shared("data", "layoffs_fyi.csv"));
        services.GetRequiredService<DocumentStore>().Save(new DocumentRecord
        {
            Id = "zephyrine-1", Title = "Zephyrine Labs trims staff", SourceKey = "test:zephyrine", Companies = [ArticleOnlyCompany],
            Text = "Zephyrine Labs cut 40 roles.", SourceKind = "text",
        }, []);
    }

    private static async Task<List<(string Name, string Value)>>
        ChoicesAsync(ConnectedDiscordBot discord, string typed, int n, CancellationToken ct)
    {
        var dispatch = DiscordFixtures.Local("interaction_create_autocomplete_layoffs_company.json");
        dispatch["s"] = 10 + n;
        dispatch["d"]!["id"] = (1233227149545177201L + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        dispatch["d"]!["data"]!["options"]![0]!["value"] = typed;

        var callback = await discord.InteractAsync(dispatch, ct);

        Assert.Equal(8, (int)callback.Json!["type"]!);
        var choices = callback.Json!["data"]!["choices"]!.AsArray();
        Assert.InRange(choices.Count, 0, CompanyNameSuggester.MaxSuggestions);
        return choices.Select(c => ((string)c!["name"]!, (string)c!["value"]!)).ToList();
    }
}
