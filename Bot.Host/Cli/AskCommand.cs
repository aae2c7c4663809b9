using System.CommandLine;
using Bot.Knowledge.Answering.Llm;

namespace Bot.Host.Cli;

/// <summary><c>ask "question" [--json] [--llm|--no-llm]</c> or <c>ask - [--json]</c> (one question per line on stdin; models load
/// once).</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question")
            { Description = "The question, or - to read one question per line from standard input." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per question (the public ask contract)." };
        var llm = new Option<bool>("--llm") { Description = "Answer through the configured LLM (Answering:Provider) for this call." };
        var noLlm = new Option<bool>("--no-llm")
            { Description = "Answer with the offline extractive engine for this call, even when an LLM is configured." };
        var command = new Command("ask", "Answer a question from the knowledge base, with verified quotes.") { question, json, llm, noLlm };
        command.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(question)!, parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, Console.In, ct,
            useLlm: parse.GetValue(llm) ? true : parse.GetValue(noLlm) ? false : null,
                conflictingLlmFlags: parse.GetValue(llm) && parse.GetValue(noLlm)));
        return command;
    }

    /// <param name="useLlm">true (<c>--llm</c>) or false (<c>--no-llm</c>) overrides the configured provider for this call.</param>
    /// <param name="settings">Configuration overrides (tests point <c>Answering</c> at a loopback model this way).</param>
    public static async Task<int> RunAsync(string? db, string question, bool json, TextWriter output, TextWriter errors, TextReader input,
        CancellationToken cancellationToken,
        bool? useLlm = null, bool conflictingLlmFlags = false, IDictionary<string, string?>? settings = null)
    {
        if (conflictingLlmFlags)
        {
            await errors.WriteLineAsync("error: --llm and --no-llm cannot be used together.");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(question))
        {
            await errors.WriteLineAsync("usage: ask \"question\" [--json], e.g. ask \"How many roles did Amazon cut and why?\"; or ask - " +
                "to read one question per line from standard input.");
            return 2;
        }
        if (QuestionLimit.RefusalFor(question) is { } tooLong)
        {
            await errors.WriteLineAsync("error: " + tooLong);
            return 2;
        }
        using var host = BotHostFactory.CreateCliHost(db, settings);
        if (useLlm == true && !host.Services.GetRequiredService<IOptions<AnsweringOptions>>().Value.Enabled)
        {
            await errors.WriteLineAsync("error: --llm needs a model: set Answering:Provider (env Answering__Provider) to openai, " +
                "azure-openai or openai-compatible, with its Model/Deployment, Endpoint and ApiKey. See docs/llm.md.");
            return 2;
        }
        var seeder = host.Services.GetRequiredService<KnowledgeSeeder>();
        await seeder.SeedOrResumeAsync(line => errors.WriteLine(line), cancellationToken);
        var engine = host.Services.GetRequiredService<IAnswerEngine>();

        IEnumerable<string> questions = question == "-" ? ReadLines(input) : [question];
        foreach (var q in questions.Where(q => !string.IsNullOrWhiteSpace(q)))
        {
            if (QuestionLimit.RefusalFor(q) is { } lineTooLong)
            {
                await errors.WriteLineAsync("error: " + lineTooLong);
                continue;
            }
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Trim()) { UseLlm = useLlm }, cancellationToken);
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(answer, AnswerJson.Options) : AnswerText.Render(answer));
        }
        return 0;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
