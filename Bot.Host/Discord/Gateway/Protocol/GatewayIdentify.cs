namespace Bot.Host.Discord.Gateway.Protocol;

/// <summary>op 2 data; <c>shard</c> is <c>[shard_id, num_shards]</c>.</summary>
internal sealed record GatewayIdentify(string Token, int Intents, GatewayIdentifyProperties Properties, int[] Shard);
