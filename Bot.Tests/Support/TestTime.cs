using System.Globalization;

namespace Bot.Tests.Support;

/// <summary>Instants written as ISO text in tests, read the same on every machine's culture.</summary>
public static class TestTime
{
    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
