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

    /// <summary>Exit code when another process kept the database for longer than Knowledge:WriterWaitSeconds.</summary>
    public const int DatabaseBusyExitCode = 3;

    /// <summary>Response files are off: an argument such as "@everyone ..." is text, not a file to read.</summary>
    public static readonly ParserConfiguration ParserSettings = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// Parses and runs one command line. Failures an operator can fix (settings, the database file)
    /// print one line saying what to do, without a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration invocation, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args, ParserSettings);
        invocation.EnableDefaultExceptionHandler = false;
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OptionsValidationException invalid)
        {
            await invocation.Error.WriteLineAsync("error: invalid settings: " + invalid.Message);
            return 1;
        }
        catch (Exception failure) when (KnowledgeDatabaseException.FromFailure(failure,
            BotHostFactory.DatabasePath(parse.GetValue(DbOption))) is { } database)
        {
            await invocation.Error.WriteLineAsync("error: " + database.Message);
            return database is DatabaseBusyException ? DatabaseBusyExitCode : 1;
        }
        catch (Npgsql.NpgsqlException postgres) when (postgres is not Npgsql.PostgresException)
        {
            await invocation.Error.WriteLineAsync($"error: cannot reach the PostgreSQL knowledge base ({postgres.Message}); "
                + "check that the server runs and that Knowledge:ConnectionString names it, with the right user and password.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await invocation.Error.WriteLineAsync("cancelled; what was already stored is kept.");
            return 130; // as shells report Ctrl+C
        }
        catch (Exception bug)
        {
            // Not something the operator can fix: the details are for a bug report.
            await invocation.Error.WriteLineAsync($"error: unexpected failure ({bug.GetType().Name}: {bug.Message}); please report it " +
                $"with the details below.\n{bug}");
            return 1;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("LayoffBot: answers questions about tech layoffs with verified quotes.");
        root.Options.Add(DbOption);
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SourcesCommand.CreateSources());
        root.Subcommands.Add(SourcesCommand.CreateStats());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(LayoffsCommand.Create());
        root.Subcommands.Add(TopCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(FeedbackCommand.Create());
        return root;
    }
}
