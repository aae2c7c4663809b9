using System.Collections.Concurrent;

namespace Bot.Tests.Support;

/// <summary>One log line kept by <see cref="ListLogger"/>; prints as "Level: message".</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message)
{
    public override string ToString() => $"{Level}: {Message}";
}

/// <summary>
/// Keeps every log line, so a test can wait for (or check) what the code logged: as a provider for a host under
/// test, or as one <see cref="ILogger{T}"/> (<see cref="For{T}"/>) for a class built by hand.
/// </summary>
public sealed class ListLogger : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public ILogger<T> For<T>() => new Logger<T>(this);

    public void Dispose() { }

    private class Logger(ListLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(logLevel, category,
                formatter(state, exception) + (exception is null ? "" : " | " + exception.Message)));
    }

    private sealed class Logger<T>(ListLogger owner) : Logger(owner, typeof(T).FullName ?? typeof(T).Name), ILogger<T>;
}
