using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>The command tree. Each verb lives in its own class; this only assembles them.</summary>
internal static class BotCommandLine
{
    /// <summary>Global <c>--db PATH</c>: overrides <c>Knowledge:DatabasePath</c> for every command.</summary>
    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "Path of the LiteDB knowledge base (overrides Knowledge:DatabasePath).",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("LayoffBot: answers questions about tech layoffs with verified quotes.");
        root.Options.Add(DbOption);
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SourcesCommand.CreateSources());
        root.Subcommands.Add(SourcesCommand.CreateStats());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(LayoffsCommand.Create());
        root.Subcommands.Add(TopCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
