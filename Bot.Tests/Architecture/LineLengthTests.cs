using System.Text.RegularExpressions;

namespace Bot.Tests.Architecture;

/// <summary>No .cs line of the three projects is longer than <c>max_line_length</c> in <c>.editorconfig</c>.</summary>
public sealed class LineLengthTests
{
    private static readonly string[] Projects = ["Bot.Knowledge", "Bot.Host", "Bot.Tests"];

    [Fact]
    public void No_line_is_longer_than_the_editorconfig_allows()
    {
        var root = RepositoryPaths.FindRoot() ?? throw new InvalidOperationException("LayoffBot.sln not found above the test's folders.");
        var editorConfig = File.ReadAllText(Path.Combine(root, ".editorconfig"));
        var limit = int.Parse(Setting(editorConfig, "max_line_length"), System.Globalization.CultureInfo.InvariantCulture);
        var enforced = Setting(editorConfig, "layoffbot_enforce_max_line_length") == "true";

        var files = Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.True(files.Count > 100, $"found only {files.Count} .cs files under {root}");
        var tooLong = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(l => l.Length > limit)
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line} ({l.Length})")
            .ToList();

        if (!enforced)
            Assert.Skip($"{tooLong.Count} lines are longer than {limit} characters; they are rewrapped in one mechanical commit, " +
                "after which .editorconfig sets layoffbot_enforce_max_line_length = true and this test enforces the limit.");
        Assert.Empty(tooLong);
    }

    private static string Setting(string editorConfig, string key) =>
        Regex.Match(editorConfig, $@"^\s*{Regex.Escape(key)}\s*=\s*(\S+)", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($".editorconfig has no {key}.");
}
