namespace Bot.Tests.Slack.Support;

/// <summary>Socket Mode envelopes built from the shared fixtures, with the fields a test varies.</summary>
internal static class SlackEnvelopes
{
    /// <summary>Our bot's user id, from <c>slack_auth_test_response_bot.json</c> (served by the peer's auth.test).</summary>
    public const string BotUserId = "W23456789";
    public const string BotId = "BZYBOTHED";

    /// <summary><c>slack_socket_events_api_envelope.json</c> (an app_mention) with new ids, text and position.</summary>
    public static JsonObject Mention(string envelopeId, string eventId, string text, string ts,
        string? threadTs = null, string channel = "C111", string user = "U222")
    {
        var envelope = SlackFixtures.Json("slack_socket_events_api_envelope.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["event_id"] = eventId;
        var ev = payload["event"]!.AsObject();
        ev["text"] = text;
        ev["ts"] = ts;
        ev["event_ts"] = ts;
        ev["channel"] = channel;
        ev["user"] = user;
        if (threadTs is not null) ev["thread_ts"] = threadTs;
        return envelope;
    }

    /// <summary>An events_api envelope around an Events API body fixture (e.g. a bot message or an edit).</summary>
    public static JsonObject Wrap(string envelopeId, JsonObject eventCallback)
    {
        var envelope = SlackFixtures.Json("slack_socket_events_api_envelope.json");
        envelope["envelope_id"] = envelopeId;
        envelope["payload"] = eventCallback;
        return envelope;
    }
}
