namespace Bot.Tests.Support;

/// <summary>
/// The real <c>serve</c> processes a test starts as instances of one deployment, with what each wrote to stdout and
/// stderr. A wait fails the test at once when an instance stopped; disposing kills the ones still running.
/// </summary>
internal sealed class ServeInstances : IAsyncDisposable
{
    private readonly List<(Process Process, StringBuilder Output)> _instances = [];

    /// <summary>What instance <paramref name="index"/> (in start order) wrote; read it under a lock on the builder.</summary>
    public StringBuilder OutputOf(int index) => _instances[index].Output;

    /// <summary>Starts <c>serve</c> on a port the OS picks, configured by environment variables.</summary>
    public void Start(IReadOnlyDictionary<string, string> environment) =>
        _instances.Add(HostProcess.StartWithOutput(["serve", "--urls", "http://127.0.0.1:0"], environment));

    public void ThrowIfOneStopped()
    {
        if (_instances.FirstOrDefault(i => i.Process.HasExited) is { Process: not null } ended)
            throw new Xunit.Sdk.XunitException($"an instance stopped (exit {ended.Process.ExitCode}):\n{ended.Output}");
    }

    public async Task StopAsync()
    {
        foreach (var (process, _) in _instances.Where(i => !i.Process.HasExited)) process.Kill(entireProcessTree: true);
        foreach (var (process, _) in _instances) await process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var (process, _) in _instances) process.Dispose();
    }
}
