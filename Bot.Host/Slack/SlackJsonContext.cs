using Bot.Host.Slack.Events.Protocol;
using Bot.Host.Slack.SocketMode.Protocol;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack;

/// <summary>Source-generated JSON for every Slack wire shape: snake_case, nulls left out, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocketFrame))]
[JsonSerializable(typeof(SocketEnvelope))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Disconnect))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(SlackInteractionPayload))]
[JsonSerializable(typeof(UrlVerificationResponse))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(PublishViewRequest))]
[JsonSerializable(typeof(ResponseUrlMessage))]
[JsonSerializable(typeof(List<UploadedFile>))]
[JsonSerializable(typeof(List<SlackTextObject>))]
[JsonSerializable(typeof(List<SlackButtonElement>))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
