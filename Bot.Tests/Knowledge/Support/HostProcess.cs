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

    /// <summary>Starts the host and collects what it writes to stdout and stderr (read it under a lock on the builder).</summary>
    public static (Process Process, StringBuilder Output) StartWithOutput(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var process = Start(args, environment);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    /// <summary>The test's cancellation, ending after <paramref name="limit"/> at the latest.</summary>
    public static CancellationToken Within(TimeSpan limit)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        return timeout.Token;
    }
}
