using System.Diagnostics;

namespace Bot.Tests.Knowledge.Support;

/// <summary>The built Bot.Host run as a real process, for what only separate processes show (locks, exit codes, stderr).</summary>
public static class HostProcess
{
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput, UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The test's cancellation, ending after <paramref name="limit"/> at the latest.</summary>
    public static CancellationToken Within(TimeSpan limit)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        return timeout.Token;
    }
}
