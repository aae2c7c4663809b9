using System.Text.RegularExpressions;

namespace Bot.Tests.Discord.Interactions;

/// <summary>
/// Discord's HTTP interactions mode end to end: a real <c>serve</c> process (Mode=http) over a knowledge base made by
/// a real <c>ingest</c>, signed POSTs to its <c>/discord/interactions</c>, answers at the loopback Discord REST.
/// </summary>
public sealed partial class HttpInteractionsServeTests : IAsyncDisposable
{
    private readonly TestPaths.TempDir _dir = new();
    private Process? _serve;

    [Fact]
    public async Task A_signed_autocomplete_gets_company_choices_and_a_button_click_under_an_answer_records_the_vote()
    {
        var ct = HostProcess.Within(TimeSpan.FromSeconds(120));
        await using var peer = await DiscordPeer.StartAsync(ct);
        var bot = await StartServeAsync(peer, ct);

        // Autocomplete (type 4) on /layoffs company: the choices come from the ingested rows.
        var complete = InteractionPayloads.Body("layoffs");
        complete["type"] = 4;
        complete["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 3, ["name"] = "company", ["value"] = "glob", ["focused"] = true,
        });
        using (var response = await SignedInteractions.PostSignedAsync(bot, complete.ToJsonString(), DateTimeOffset.UtcNow, ct))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var choices = await peer.ExpectRequestAsync("POST", $"/interactions/{complete["id"]}/", ct);
        Assert.Equal(8, (int)choices.Json!["type"]!);
        Assert.Equal(["Globex"], choices.Json!["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!));

        // /ask (type 2) is deferred (type 5), then its answer arrives as an edit with the feedback buttons.
        var ask = InteractionPayloads.Body("ask", "question", "Did Acme cut jobs?");
        ask["id"] = "1233227149545177400";
        using (await SignedInteractions.PostSignedAsync(bot, ask.ToJsonString(), DateTimeOffset.UtcNow, ct)) { }
        Assert.Equal(5, (int)(await peer.ExpectRequestAsync("POST", "/interactions/1233227149545177400/", ct)).Json!["type"]!);
        var edit = await peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        var helpful = edit.Json!["components"]![0]!["components"]!.AsArray().Single(b => (string?)b!["label"] == "Helpful")!;

        // A click on "Helpful" (type 3) is answered in the initial response: a private note that the vote counted.
        var click = DiscordFixtures.Local("interaction_create_button_click.json")["d"]!;
        click["id"] = "1233227149545177401";
        click["data"]!["custom_id"] = (string)helpful["custom_id"]!;
        using (var response = await SignedInteractions.PostSignedAsync(bot, click.ToJsonString(), DateTimeOffset.UtcNow, ct))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var note = await peer.ExpectRequestAsync("POST", "/interactions/1233227149545177401/", ct);
        Assert.Equal("Thanks! I noted that this answer was helpful.", (string)DiscordReplies.AssertPrivateMessage(note)["content"]!);
    }

    /// <summary>Ingests two layoff rows with the real CLI, then starts <c>serve</c> and returns where it listens.</summary>
    private async Task<Uri> StartServeAsync(DiscordPeer peer, CancellationToken ct)
    {
        var db = _dir.File("kb.db");
        var csv = _dir.File("layoffs_fyi_2025_2026_recent.csv");
        await File.WriteAllTextAsync(csv, LayoffRowsFile.Csv(("Acme", 120, "2026-06-10"), ("Globex", 300, "2026-06-12")), ct);
        var (ingest, ingested) = HostProcess.StartWithOutput(["--db", db, "ingest", csv], new Dictionary<string, string>());
        using (ingest)
        {
            await ingest.WaitForExitAsync(ct);
            lock (ingested) Assert.True(ingest.ExitCode == 0, ingested.ToString());
        }

        var settings = new Dictionary<string, string>
        {
            ["Knowledge__SeedOnServe"] = "false",
            ["Discord__Token"] = "test-bot-token",
            ["Discord__Mode"] = "http",
            ["Discord__PublicKey"] = SignedInteractions.PublicKey,
            ["Discord__ApplicationId"] = DiscordPeer.ApplicationId,
            ["Discord__ApiBaseUrl"] = peer.ApiBaseUrl,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information", // "Now listening on: ..." names the port
        };
        var (serve, output) = HostProcess.StartWithOutput(["--db", db, "serve", "--urls", "http://127.0.0.1:0"], settings);
        _serve = serve;
        while (true)
        {
            lock (output)
                if (Listening().Match(output.ToString()) is { Success: true } match) return new Uri(match.Groups[1].Value + "/");
            if (serve.HasExited) lock (output) Assert.Fail($"serve stopped (exit {serve.ExitCode}):\n{output}");
            await Task.Delay(50, ct);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null)
        {
            if (!_serve.HasExited) _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync(CancellationToken.None);
            _serve.Dispose();
        }
        _dir.Dispose();
    }
}
