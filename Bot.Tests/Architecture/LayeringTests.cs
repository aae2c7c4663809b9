using System.Reflection;

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

    /// <summary>
    /// No two namespaces of Bot.Knowledge use each other, directly or round a loop: each folder is a layer that can be
    /// read, tested and changed from the bottom up. Left out: the root namespace, which holds the options every part
    /// reads and the composition (<c>AddKnowledge</c>, the seeder) that uses every part; and the edges between a folder
    /// and its own subfolder (Answering and Answering.Kinds are one layer split for reading).
    /// </summary>
    [Fact]
    public void Bot_Knowledge_namespaces_form_no_cycle()
    {
        var edges = TypeReferences.NamespaceEdges(Knowledge)
            .Where(e => IsIn(e.Key.From, "Bot.Knowledge") && IsIn(e.Key.To, "Bot.Knowledge"))
            .Where(e => e.Key.From != "Bot.Knowledge" && e.Key.To != "Bot.Knowledge")
            .Where(e => !IsIn(e.Key.From, e.Key.To) && !IsIn(e.Key.To, e.Key.From))
            .ToDictionary();
        var cycles = Cycles(edges.Keys).Select(c => string.Join(" <-> ", c) + ": "
            + string.Join("; ", edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To)).Select(e => e.Value).Order())).ToList();
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_cycle_finder_finds_loops_of_any_length_and_nothing_else()
    {
        (string, string)[] edges = [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E"), ("E", "D"), ("E", "F")];
        var cycles = Cycles(edges).Select(c => string.Join(",", c)).Order().ToList();
        Assert.Equal(["A,B,C", "D,E"], cycles);
        Assert.Empty(Cycles([("A", "B"), ("B", "C"), ("A", "C")]));
    }

    [Fact]
    public void Every_platform_folder_is_known_to_this_test()
    {
        // A new platform namespace must be added to Platforms, or the rules above would not guard it.
        var known = new[] { "Chat", "Cli", "Hosting", "Jobs", "Net", "Benchmarks", "Evaluation", "Platforms", "State" }
            .Select(n => "Bot.Host." + n)
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

    /// <summary>The strongly connected parts of more than one node (Tarjan), each sorted.</summary>
    private static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.ToLookup(e => e.From, e => e.To);
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var found = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next[node])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to)) low[node] = Math.Min(low[node], index[to]);
            }
            if (low[node] != index[node]) return;
            var part = new List<string>();
            string member;
            do part.Add(member = stack.Pop()); while (member != node);
            if (part.Count > 1) found.Add(part.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n))) Visit(node);
        return found;
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
