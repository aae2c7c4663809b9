using System.Runtime.CompilerServices;

namespace Bot.Tests.Support;

/// <summary>
/// xUnit reports an exception thrown on a thread no test awaits (a finalizer, a timer) as a "catastrophic failure" with
/// its message only; this appends the whole exception, with the stack that says where it came from, to
/// <see cref="Path"/>, which <c>.ci/run</c> prints after the tests.
/// </summary>
internal static class UnhandledExceptionLog
{
    public static readonly string Path =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "layoffbot-tests", "unhandled-exceptions.log");

    [ModuleInitializer]
    internal static void Start() => AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.AppendAllText(Path, $"{DateTime.UtcNow:O} (terminating: {e.IsTerminating}) {e.ExceptionObject}{Environment.NewLine}");
    };
}
