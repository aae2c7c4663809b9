using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Chat;

/// <summary>The neutral slash commands, through the same container the CLI and serve build.</summary>
public sealed class ChatCommandHandlerTests : IAsyncLifetime
{
    private readonly TestPaths.TempDir _dir = new();
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = BotHostFactory.CreateCliHost(_dir.File("bot.db"));
        await _host.Services.GetRequiredService<IngestionPipeline>().IngestAsync([RepositoryPaths.Shared("data", "layoffs_fyi.csv")], null,
            CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<ChatReply> Run(string name, bool admin = false, params (string Key, string Value)[] options) =>
        _host.Services.GetRequiredService<IChatCommandHandler>().HandleAsync(
            new ChatCommand(name, options.ToDictionary(o => o.Key, o => o.Value), new ChatRequest("test", "u1", "c1", null, ""), admin),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Ask_refuses_a_question_over_2000_characters_on_every_platform()
    {
        // Discord's /ask and Slack's mentions both reach ChatService.AskAsync through here.
        var reply = await Run("ask", options: [("question", "How many jobs did Amazon cut " + new string('?', 2_000))]);

        Assert.True(reply.IsError);
        Assert.Equal("That question is 2,029 characters long; please ask in at most 2,000 characters.", reply.Text);
    }

    [Fact]
    public async Task Layoffs_lists_the_companys_rounds_with_sources_and_a_chart()
    {
        var reply = await Run("layoffs", options: [("company", "amazon"), ("since", "2022")]);
        Assert.False(reply.IsError);
        Assert.StartsWith("Amazon:", reply.Text);
        Assert.NotEmpty(reply.Lines);
        Assert.Contains(reply.Lines, l => l.Contains("layoffs_fyi.csv"));
        Assert.NotNull(reply.Image);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], reply.Image.Png.Take(4));
        Assert.InRange(reply.Image.Png.Length, 5_000, 500_000);
    }

    [Fact]
    public async Task Layoffs_with_a_bad_date_or_unknown_company_says_so()
    {
        Assert.True((await Run("layoffs", options: [("company", "Amazon"), ("since", "last tuesday")])).IsError);
        var unknown = await Run("layoffs", options: [("company", "Nonexistent Widgets Ltd")]);
        Assert.True(unknown.NoAnswer);
        Assert.Null(unknown.Image);
    }

    [Fact]
    public async Task Ingest_is_refused_to_non_admins_and_checks_the_url()
    {
        var refused = await Run("ingest", admin: false, ("url", "https://example.com/a"));
        Assert.True(refused.IsError);
        Assert.Contains("admin", refused.Text, StringComparison.OrdinalIgnoreCase);
        var badUrl = await Run("ingest", admin: true, ("url", "file:///etc/passwd"));
        Assert.True(badUrl.IsError);
        var privateUrl = await Run("ingest", admin: true, ("url", "http://127.0.0.1:9/x"));
        Assert.True(privateUrl.IsError);
        Assert.Contains(privateUrl.Lines, l => l.Contains("AllowPrivateAddresses"));
    }

    [Fact]
    public async Task Unknown_commands_get_a_short_error() =>
        Assert.True((await Run("frobnicate")).IsError);
}
