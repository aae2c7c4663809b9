namespace Bot.Tests.Discord;

/// <summary>"Helpful" / "Not helpful" and "Show/Hide sources" under <c>/ask</c> answers, clicked on the loopback Discord.</summary>
public sealed class DiscordAnswerButtonsTests
{
    [Fact]
    public async Task Votes_are_acknowledged_privately_changeable_once_per_user_and_counted_on_health()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var buttons = await AskAsync(discord, ct);
        Assert.Equal(["Helpful", "Not helpful"], buttons.Select(b => (string)b!["label"]!));
        Assert.All(buttons, b => Assert.Equal(2, (int)b!["type"]!));

        var helpful = await ClickAsync(discord, (string)buttons[0]!["custom_id"]!, "1233227149545177300", ct);
        Assert.Equal("Thanks! I noted that this answer was helpful.", (string)DiscordReplies.AssertPrivateMessage(helpful)["content"]!);

        var again = await ClickAsync(discord, (string)buttons[0]!["custom_id"]!, "1233227149545177301", ct);
        Assert.Equal("You already marked this answer as helpful.", (string)again.Json!["data"]!["content"]!);
        var changed = await ClickAsync(discord, (string)buttons[1]!["custom_id"]!, "1233227149545177302", ct);
        Assert.Equal("Thanks, I changed your vote to not helpful.", (string)changed.Json!["data"]!["content"]!);
        var otherUser = await ClickAsync(discord, (string)buttons[0]!["custom_id"]!, "1233227149545177303", ct,
            userId: "53908232506183680");
        Assert.Equal("Thanks! I noted that this answer was helpful.", (string)otherUser.Json!["data"]!["content"]!);

        using var http = new HttpClient { BaseAddress = discord.Bot.BaseUri };
        var feedback = JsonNode.Parse(await http.GetStringAsync("health", ct))!["components"]!["feedback"]!["detail"]!;
        Assert.Equal((1, 1, 1), ((int)feedback["answers"]!, (int)feedback["helpful"]!, (int)feedback["notHelpful"]!));
    }

    [Fact]
    public async Task A_replayed_click_interaction_is_answered_once()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var customId = (string)(await AskAsync(discord, ct))[0]!["custom_id"]!;

        await ClickAsync(discord, customId, "1233227149545177310", ct);
        await discord.Gateway.SendAsync(Click(customId, "1233227149545177310"), ct); // Discord delivers it again
        var next = await ClickAsync(discord, customId, "1233227149545177311", ct);

        // Interactions are handled in order of arrival: a second answer to the replay would have come first.
        Assert.Equal("You already marked this answer as helpful.", (string)next.Json!["data"]!["content"]!);
        Assert.Single(discord.Peer.AllRequests, r => r.Path.Contains("/interactions/1233227149545177310/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_answer_can_hide_and_show_its_sources_in_place()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct, answer: LongAnswer());
        var buttons = await AskAsync(discord, ct);
        Assert.Equal(["Helpful", "Not helpful", "Hide sources"], buttons.Select(b => (string)b!["label"]!));

        var hidden = await ClickAsync(discord, (string)buttons[2]!["custom_id"]!, "1233227149545177320", ct);
        Assert.Equal(7, (int)hidden.Json!["type"]!);
        var hiddenEmbed = hidden.Json!["data"]!["embeds"]![0]!;
        Assert.DoesNotContain("**[1]**", (string)hiddenEmbed["description"]!);
        Assert.Contains("3 quoted sources hidden", (string)hiddenEmbed["description"]!);
        var show = hidden.Json!["data"]!["components"]![0]!["components"]![2]!;
        Assert.Equal("Show sources", (string)show["label"]!);

        var shown = await ClickAsync(discord, (string)show["custom_id"]!, "1233227149545177321", ct);
        Assert.Equal(7, (int)shown.Json!["type"]!);
        Assert.Contains("**[3]**", (string)shown.Json!["data"]!["embeds"]![0]!["description"]!);
        Assert.Equal("Hide sources", (string)shown.Json!["data"]!["components"]![0]!["components"]![2]!["label"]!);
    }

    [Fact]
    public async Task Clicks_on_an_answer_older_than_the_retention_period_get_a_polite_private_note()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct, answer: LongAnswer());
        var buttons = await AskAsync(discord, ct);
        // The answer is made 31 days old in the database: moving the shared fake clock that far would also
        // expire the gateway's heartbeats.
        var answers = discord.Services.GetRequiredService<LiteDB.ILiteDatabase>()
            .GetCollection<AnswerRecord>(LiteDbAnswerFeedbackStore.AnswersCollection);
        var answer = answers.FindAll().Single();
        answer.CreatedAt = discord.Bot.Time.GetUtcNow().UtcDateTime.AddDays(-31);
        answers.Update(answer);

        foreach (var (button, id) in new[] { (buttons[0]!, "1233227149545177330"), (buttons[2]!, "1233227149545177331") })
        {
            var note = await ClickAsync(discord, (string)button["custom_id"]!, id, ct);
            Assert.StartsWith("Sorry, that answer is more than 30 days old", (string)DiscordReplies.AssertPrivateMessage(note)["content"]!);
        }
    }

    [Fact]
    public async Task A_click_on_an_unknown_answer_gets_a_private_note()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);

        var note = await ClickAsync(discord, "feedback:down:0123456789abcdef", "1233227149545177340", ct);

        Assert.Equal(64, (int)note.Json!["data"]!["flags"]!);
        Assert.Equal("Sorry, I can't find that answer any more. Please ask the question again.", (string)note.Json!["data"]!["content"]!);
    }

    /// <summary>Asks with /ask and returns the buttons of the answer (the deferred response's edit).</summary>
    private static async Task<JsonArray> AskAsync(ConnectedDiscordBot discord, CancellationToken ct)
    {
        await discord.InteractAsync(InteractionPayloads.Dispatch("ask", "question", "How many roles did Amazon cut?"), ct);
        var edit = await discord.Peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);
        var row = edit.Json!["components"]![0]!;
        Assert.Equal(1, (int)row["type"]!);
        return row["components"]!.AsArray();
    }

    private static JsonNode Click(string customId, string interactionId, string? userId = null)
    {
        var click = DiscordFixtures.Local("interaction_create_button_click.json");
        click["d"]!["id"] = interactionId;
        click["d"]!["data"]!["custom_id"] = customId;
        if (userId is not null) click["d"]!["member"]!["user"]!["id"] = userId;
        return click;
    }

    private static Task<RecordedDiscordRequest>
        ClickAsync(ConnectedDiscordBot discord, string customId, string interactionId, CancellationToken ct, string? userId = null) =>
        discord.InteractAsync(Click(customId, interactionId, userId), ct);

    private static Answer LongAnswer() => RecordingAnswerEngine.Sample() with
    {
        Citations = Enumerable.Range(1,
            3).Select(n => RecordingAnswerEngine.Sample().Citations[0] with { N = n, Quote = $"quote number {n} about the cuts" }).ToList(),
    };
}
