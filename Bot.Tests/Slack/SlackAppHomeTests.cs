namespace Bot.Tests.Slack;

/// <summary>The App Home tab (<c>app_home_opened</c> → <c>views.publish</c>) over Socket Mode against the loopback Slack.</summary>
public sealed class SlackAppHomeTests
{
    [Fact]
    public async Task Opening_the_home_tab_publishes_examples_commands_watches_and_the_latest_digest_summary()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var watches = slack.Services.GetRequiredService<Bot.Host.State.IWatchStore>();
        var newWatch = slack.Services.GetRequiredService<Bot.Knowledge.Watches.CompanyWatchFactory>();
        watches.TryAdd(newWatch.Create("slack", "C0WATCHING", "Acme", "U061F7AUR"));
        watches.TryAdd(newWatch.Create("discord", "123456789", "Globex", "42"));
        var envelope = SlackFixtures.Local("socket_events_api_envelope_app_home_opened.json");

        await slack.Socket.SendAsync(envelope, ct);

        Assert.Equal((string?)envelope["envelope_id"], (string?)(await slack.Socket.ReceiveJsonAsync(ct))["envelope_id"]);
        var publish = await slack.Peer.ExpectAsync("views.publish", ct);
        Assert.Equal("Bearer xoxb-TEST", publish.Authorization);
        Assert.Equal("U061F7AUR", (string?)publish.Json["user_id"]);
        Assert.Equal("home", (string?)publish.Json["view"]!["type"]);
        var blocks = publish.Json["view"]!["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 100);
        var text = string.Join("\n", blocks.Select(b => (string?)b!["text"]?["text"]));
        foreach (var example in ChatHelp.ExampleQuestions) Assert.Contains("• " + example, text);
        Assert.Contains("/layoffs COMPANY", text);
        Assert.Contains("• Acme in <#C0WATCHING>", text);
        Assert.DoesNotContain("Globex", text); // another platform's watch
        var digest = await slack.Services.GetRequiredService<IDigestProvider>().LatestAsync(ct);
        Assert.Contains("*Latest digest*\n" + digest.Text.Trim(), text.Replace("&amp;", "&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_the_messages_tab_publishes_nothing()
    {
        var ct = Wait.Token();
        await using var slack = await ConnectedSlackBot.StartAsync(ct);
        var messagesTab = SlackFixtures.Local("socket_events_api_envelope_app_home_opened.json");
        messagesTab["payload"]!["event"]!["tab"] = "messages";
        var homeTab = SlackFixtures.Local("socket_events_api_envelope_app_home_opened.json");
        homeTab["envelope_id"] = "env-home-2";
        homeTab["payload"]!["event_id"] = "Ev0HOME02";
        homeTab["payload"]!["event"]!["user"] = "U0SECOND";

        await slack.Socket.SendAsync(messagesTab, ct);
        await slack.Socket.SendAsync(homeTab, ct);

        // One worker handles events in order: a publish for the messages tab would have come first.
        Assert.Equal("U0SECOND", (string?)(await slack.Peer.ExpectAsync("views.publish", ct)).Json["user_id"]);
    }
}
