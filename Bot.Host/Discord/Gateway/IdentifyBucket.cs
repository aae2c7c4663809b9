namespace Bot.Host.Discord.Gateway;

/// <summary>One <c>id % max_concurrency</c> bucket of <see cref="GatewayIdentifyGate"/>: one IDENTIFY at a time, 5 s apart.</summary>
internal sealed class IdentifyBucket(int key)
{
    /// <summary><c>shard id % max_concurrency</c>.</summary>
    public int Key { get; } = key;

    public SemaphoreSlim Turn { get; } = new(1, 1);
    /// <summary>Written under the gate's lock.</summary>
    public DateTimeOffset LastIdentify { get; set; } = DateTimeOffset.MinValue;
}
