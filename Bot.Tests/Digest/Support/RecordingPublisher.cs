using System.Collections.Concurrent;

namespace Bot.Tests.Digest.Support;

/// <summary>
/// An in-test channel publisher for the scheduler tests (the platform edges have their own loopback tests):
/// records each post with the fake clock's time, can refuse a channel as unavailable, and can hang until
/// cancelled to stand for a process that dies between claim and send.
/// </summary>
internal sealed class RecordingPublisher(string platform, TimeProvider time) : IChannelPublisher
{
    private readonly ConcurrentQueue<PublishedDigest> _posts = new();
    private int _ids;

    public string Platform => platform;
    public IReadOnlyList<PublishedDigest> Posts => _posts.ToList();
    public HashSet<string> UnavailableChannels { get; } = [];
    /// <summary>When set, PostAsync waits for cancellation and never posts (a crash mid-send).</summary>
    public bool Hang { get; set; }
    /// <summary>How many of the next posts fail as a platform error would (nothing posted).</summary>
    public int FailuresLeft { get; set; }
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string?> PostAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("503 Service Unavailable (test)");
        }
        if (UnavailableChannels.Contains(channelId)) throw new ChannelUnavailableException(platform, channelId, "unknown channel (test)");
        _posts.Enqueue(new PublishedDigest(channelId, reply, time.GetUtcNow()));
        return $"m{Interlocked.Increment(ref _ids)}";
    }
}
