using System.CommandLine;
using System.Text.Json;
using Bot.Host.Hosting;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Ingestion;

namespace Bot.Host.Cli;

/// <summary><c>ask "question" [--json]</c> or <c>ask - [--json]</c> (one question per line on stdin; models load once).</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, or - to read one question per line from standard input." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per question (the public ask contract)." };
        var command = new Command("ask", "Answer a question from the knowledge base, with verified quotes.") { question, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(question)!, parse.GetValue(json), Console.Out, Console.Error, Console.In, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? db, string question, bool json, TextWriter output, TextWriter errors, TextReader input, CancellationToken cancellationToken)
    {
        using var host = BotHostFactory.CreateCliHost(db);
        var seeder = host.Services.GetRequiredService<KnowledgeSeeder>();
        await seeder.SeedIfEmptyAsync(line => errors.WriteLine(line), cancellationToken);
        var engine = host.Services.GetRequiredService<IAnswerEngine>();

        IEnumerable<string> questions = question == "-" ? ReadLines(input) : [question];
        foreach (var q in questions.Where(q => !string.IsNullOrWhiteSpace(q)))
        {
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Trim()), cancellationToken);
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(answer, AnswerJson.Options) : AnswerText.Render(answer));
        }
        return 0;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
