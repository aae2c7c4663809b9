namespace Bot.Tests.Discord;

/// <summary>Commands installable to a user's account and usable in DMs, against the loopback Discord.</summary>
public sealed class DiscordUserInstallTests
{
    [Fact]
    public async Task Commands_are_registered_for_server_and_user_installs_in_every_context_except_ingest_and_watch()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);

        var commands = (await discord.Peer.ExpectRequestAsync("PUT", "/commands", ct)).Json!.AsArray();

        string[] serverOnly = ["ingest", "watch"];
        foreach (var command in commands.Where(c => !serverOnly.Contains((string)c!["name"]!)))
        {
            Assert.Equal([0, 1], command!["integration_types"]!.AsArray().Select(v => (int)v!));
            Assert.Equal([0, 1, 2], command["contexts"]!.AsArray().Select(v => (int)v!));
        }
        foreach (var command in commands.Where(c => serverOnly.Contains((string)c!["name"]!)))
        {
            Assert.Equal([0], command!["integration_types"]!.AsArray().Select(v => (int)v!));
            Assert.Equal([0], command["contexts"]!.AsArray().Select(v => (int)v!));
        }
        Assert.Equal(serverOnly.Length, commands.Count(c => serverOnly.Contains((string)c!["name"]!)));
    }

    [Fact]
    public async Task Ask_in_a_group_dm_through_a_user_install_is_answered_only_for_the_invoker()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var ask = ThroughUserInstall(Command("ask", "question", "Why did Meta cut jobs?"));

        var deferral = await discord.InteractAsync(ask, ct);
        var edit = await discord.Peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);

        var expected = DiscordFixtures.Json("interaction_response_deferred_ephemeral.json");
        Assert.Equal(((int)expected["type"]!, (int)expected["data"]!["flags"]!),
            ((int)deferral.Json!["type"]!, (int)deferral.Json!["data"]!["flags"]!));
        Assert.Contains("Amazon cut about 18,000 roles", (string)edit.Json!["embeds"]![0]!["description"]!);
        Assert.Equal(["Why did Meta cut jobs?"], discord.Bot.Engine.Questions);
    }

    [Theory]
    [InlineData(1, """{"0":"0","1":"395786107780071424"}""")]     // the bot's own DM
    [InlineData(0, """{"0":"1011977515109187704"}""")]            // a server that installed the bot
    public async Task Ask_where_the_bot_is_installed_is_answered_in_public(int context, string owners)
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var ask = InteractionPayloads.Dispatch("ask", "question", "Why did Meta cut jobs?");
        ask["d"]!["context"] = context;
        ask["d"]!["authorizing_integration_owners"] = JsonNode.Parse(owners);

        var deferral = await discord.InteractAsync(ask, ct);

        Assert.True(JsonNode.DeepEquals(DiscordFixtures.Json("interaction_response_deferred.json"), deferral.Json), deferral.BodyText);
    }

    [Fact]
    public async Task Ingest_used_through_a_user_install_is_refused_as_no_one_there_manages_a_server()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var ingest = ThroughUserInstall(Command("ingest", "url", "https://example.com/a"));

        var refusal = await discord.InteractAsync(ingest, ct);

        Assert.Equal(64, (int)refusal.Json!["data"]!["flags"]!);
        Assert.Contains("Manage Server", (string)refusal.Json!["data"]!["content"]!);
    }

    [Theory]
    [InlineData("subscribe", "0")]   // no one there manages a server
    [InlineData("unsubscribe", "32")] // a server's admin, but the bot is not installed in that server
    public async Task Digest_subscriptions_through_a_user_install_are_refused(string subcommand, string permissions)
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var digest = ThroughUserInstall(Subcommand("digest", subcommand));
        if (permissions == "32")
        {
            // Used in a server's channel that only the user's install reaches: a member with Manage Server, owners without "0".
            digest["d"]!["context"] = 0;
            digest["d"]!["guild_id"] = "1011977515109187704";
            digest["d"]!["channel"] = new JsonObject { ["type"] = 0, ["id"] = (string)digest["d"]!["channel_id"]! };
            digest["d"]!["member"] = new JsonObject { ["permissions"] = permissions, ["user"] = digest["d"]!["user"]!.DeepClone() };
            digest["d"]!.AsObject().Remove("user");
        }

        var refusal = await discord.InteractAsync(digest, ct);

        Assert.Equal(64, (int)refusal.Json!["data"]!["flags"]!);
        Assert.StartsWith($"/digest {subcommand} ", (string)refusal.Json!["data"]!["content"]!);
        Assert.Empty(discord.Services.GetRequiredService<Bot.Host.State.IDigestSubscriptionStore>().All());
    }

    [Fact]
    public async Task Digest_latest_through_a_user_install_is_answered_only_for_the_invoker()
    {
        var ct = Wait.Token();
        await using var discord = await ConnectedDiscordBot.StartAsync(ct);
        var digest = ThroughUserInstall(Subcommand("digest", "latest"));

        var deferral = await discord.InteractAsync(digest, ct);
        await discord.Peer.ExpectRequestAsync("PATCH", "/messages/@original", ct);

        Assert.Equal((5, 64), ((int)deferral.Json!["type"]!, (int)deferral.Json!["data"]!["flags"]!));
    }

    /// <summary>An INTERACTION_CREATE for <paramref name="data"/> from a user's install, used in a group DM.</summary>
    private static JsonNode ThroughUserInstall(JsonObject data)
    {
        var interaction = DiscordFixtures.Local("interaction_create_user_install_private_channel.json");
        interaction["d"]!["data"] = data;
        return interaction;
    }

    private static JsonObject Subcommand(string name, string subcommand) => new()
    {
        ["type"] = 1, ["name"] = name, ["id"] = "1233221536522174536",
        ["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = subcommand, ["options"] = new JsonArray() }),
    };

    private static JsonObject Command(string name, string option, string value) => new()
    {
        ["type"] = 1, ["name"] = name, ["id"] = "1233221536522174535",
        ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = option, ["value"] = value }),
    };
}
