using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.WebApi;

namespace Bot.Tests.Slack;

public sealed class SlackMessageHandlerTests
{
    private static readonly SlackBotIdentity Self = new("W23456789", "BZYBOTHED");

    private static SlackEvent Event(string fixture)
    {
        var json = SlackFixtures.Json(fixture);
        var inner = json["event"] ?? json; // message_deleted is stored as a bare inner event
        return inner.Deserialize(SlackJsonContext.Default.SlackEvent)!;
    }

    [Theory]
    [InlineData("<@W23456789> How many?", "How many?")]
    [InlineData("<@W23456789|layoffbot>   and why?  ", "and why?")]
    [InlineData("What about <@W23456789> Amazon?", "What about Amazon?")]
    [InlineData("<@W23456789> ask <@U999> about Meta", "ask <@U999> about Meta")]
    [InlineData("<@U0LAN0Z89> not us", "<@U0LAN0Z89> not us")]
    public void Strips_only_the_bots_own_mention(string text, string expected) =>
        Assert.Equal(expected, SlackMessageHandler.StripMention(text, Self.UserId));

    [Theory]
    [InlineData("slack_self_bot_message_event_callback.json")]
    [InlineData("slack_self_reaction_added_event_callback.json")]
    [InlineData("slack_message_event_callback_bot_gbp.json")]
    [InlineData("slack_message_event_callback_classic_bot_message.json")]
    [InlineData("slack_bot_message_event_callback.json")]
    [InlineData("slack_message_changed_event_callback.json")]
    [InlineData("slack_message_changed_event_callback_bolt.json")]
    [InlineData("slack_message_deleted_inner_event.json")]
    public void Ignores_bots_itself_edits_and_deletions(string fixture) =>
        Assert.NotNull(SlackMessageHandler.IgnoreReason(Event(fixture), Self));

    [Theory]
    [InlineData("slack_app_mention_event_callback.json")]
    [InlineData("slack_app_mention_event_callback_bolt.json")]
    [InlineData("slack_app_mention_event_callback_in_channel.json")]
    public void Answers_mentions_from_people(string fixture) =>
        Assert.Null(SlackMessageHandler.IgnoreReason(Event(fixture), Self));

    [Fact]
    public void Ignores_a_mention_written_by_the_bot_user_itself()
    {
        var ev = Event("slack_app_mention_event_callback.json") with { User = Self.UserId };
        Assert.Equal("our own message", SlackMessageHandler.IgnoreReason(ev, Self));
    }
}
