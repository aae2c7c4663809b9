namespace Bot.Host.Chat;

/// <summary>Answers <c>/digest</c> when no digest schedule is configured.</summary>
internal sealed class UnconfiguredDigestProvider : IDigestProvider
{
    public Task<ChatReply> LatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ChatReply { Text = "The daily digest is not configured on this bot (see the Digest settings).", Ephemeral = true, NoAnswer = true });
}
