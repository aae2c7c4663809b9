namespace Bot.Host.Discord.Gateway;

/// <summary>A shard's permission to send one IDENTIFY, from <see cref="GatewayIdentifyGate.WaitTurnAsync"/>.</summary>
internal sealed class IdentifyTurn(GatewayIdentifyGate gate, IdentifyBucket bucket) : IDisposable
{
    private bool _sent;
    private bool _disposed;

    /// <summary>IDENTIFY is on the wire: the bucket's next IDENTIFY waits 5 s from now.</summary>
    public void Sent()
    {
        if (_sent) return;
        _sent = true;
        gate.Sent(bucket);
    }

    /// <summary>Lets the bucket's next shard go; an unsent IDENTIFY is given back to the budget.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_sent) gate.Unused(bucket);
        bucket.Turn.Release();
    }
}
