using System.Reflection;
using Bot.Host.Chat;
using Bot.Knowledge;

namespace Bot.Tests.Architecture;

/// <summary>
/// The layers, read from the compiled assemblies (every type reference in signatures and method bodies, see
/// <see cref="TypeReferences"/>): Bot.Knowledge is the domain and never reaches the host or ASP.NET; in Bot.Host the
/// platform-neutral parts never name a chat platform, and platforms never name each other, so a new platform is one
/// new folder; inside Bot.Knowledge the layoff data sits below answering and charts.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Knowledge = typeof(KnowledgeOptions).Assembly;
    private static readonly Assembly Host = typeof(ChatReply).Assembly;

    /// <summary>The chat platform folders of Bot.Host: each one a namespace of its own.</summary>
    public static readonly string[] Platforms = ["Bot.Host.Discord", "Bot.Host.Slack"];

    /// <summary>The one place that may name every platform: the composition of <c>serve</c>.</summary>
    private const string CompositionRoot = "Bot.Host.Platforms";

    [Fact]
    public void Bot_Knowledge_references_neither_the_host_nor_ASP_NET()
    {
        var wrong = Violations(Knowledge, (_, to) => IsIn(to, "Bot.Host") || IsIn(to, "Microsoft.AspNetCore"));
        Assert.Empty(wrong);
        Assert.DoesNotContain(Knowledge.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Platform_neutral_parts_of_the_host_name_no_platform()
    {
        var wrong = Violations(Host, (from, to) => PlatformOf(from) is null && from != CompositionRoot && PlatformOf(to) is not null);
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_platform_names_no_other_platform()
    {
        var wrong = Violations(Host, (from, to) => PlatformOf(from) is { } a && PlatformOf(to) is { } b && a != b);
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Bot.Knowledge.LayoffData", "Bot.Knowledge.Answering")]
    [InlineData("Bot.Knowledge.LayoffData", "Bot.Knowledge.Charts")]
    public void Layoff_data_sits_below(string lower, string upper)
    {
        Assert.Empty(Violations(Knowledge, (from, to) => IsIn(from, lower) && IsIn(to, upper)));
    }

    [Fact]
    public void Every_platform_folder_is_known_to_this_test()
    {
        // A new platform namespace must be added to Platforms, or the rules above would not guard it.
        var known = new[] { "Chat", "Cli", "Hosting", "Jobs", "Net", "Benchmarks", "Evaluation", "Platforms" }.Select(n => "Bot.Host." + n)
            .Concat(Platforms).ToList();
        var unknown = Host.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Bot.Host.", StringComparison.Ordinal))
            .Where(n => !known.Any(k => IsIn(n, k))).Distinct().ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_reader_sees_references_inside_method_bodies()
    {
        // A guard that reads only signatures would miss "new DiscordChannelPublisher(...)" inside a method.
        var uses = TypeReferences.Of(typeof(Sample)).ToList();
        Assert.Contains(typeof(Bot.Host.Discord.DiscordOptions), uses);
        Assert.Contains(typeof(Bot.Host.Slack.SlackOptions), uses);
    }

    private static string? PlatformOf(string ns) => Platforms.FirstOrDefault(p => IsIn(ns, p));

    private static bool IsIn(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static List<string> Violations(Assembly assembly, Func<string, string, bool> wrong) =>
        TypeReferences.NamespaceEdges(assembly).Where(e => wrong(e.Key.From, e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To} ({e.Value})").Order().ToList();

    private static class Sample
    {
        public static object Build() => new Bot.Host.Discord.DiscordOptions().ToString() + typeof(Bot.Host.Slack.SlackOptions).Name;
    }
}
