using Bot.Host.Discord.Gateway.Protocol;
using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest.Protocol;

namespace Bot.Host.Discord;

/// <summary>Source-generated JSON for every Discord wire type: snake_case names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayIdentify))]
[JsonSerializable(typeof(GatewayResume))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(AutocompleteResponse))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordApplication))]
[JsonSerializable(typeof(DiscordCreatedMessage))]
[JsonSerializable(typeof(DiscordRateLimitBody))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(IReadOnlyList<DiscordApplicationCommand>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
