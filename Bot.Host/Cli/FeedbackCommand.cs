using System.CommandLine;
using Bot.Host.Evaluation;

namespace Bot.Host.Cli;

/// <summary>
/// <c>feedback [--limit N] [--export FILE]</c>: the latest answers people marked "not helpful", with their
/// questions, so an operator can turn them into eval lines; <c>--export</c> writes those lines in the eval
/// format with empty expectations for a person to fill in.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many answers (default 20).", DefaultValueFactory = _ => 20 };
        var export = new Option<string?>("--export") { Description = "Write eval-format JSON lines (empty expectations) to this file." };
        var command = new Command("feedback", "List the latest answers people marked \"not helpful\", with their questions.")
            { limit, export };
        command.SetAction((parse, _) => Task.FromResult(Run(parse, parse.GetValue(limit), parse.GetValue(export))));
        return command;
    }

    private static int Run(ParseResult parse, int limit, string? exportPath)
    {
        var output = parse.InvocationConfiguration.Output;
        if (limit < 1)
        {
            parse.InvocationConfiguration.Error.WriteLine("--limit must be at least 1.");
            return 2;
        }
        using var host = BotHostFactory.CreateCliHost(parse.GetValue(BotCommandLine.DbOption));
        var answers = host.Services.GetRequiredService<IAnswerFeedbackStore>().LatestNotHelpful(limit);
        if (answers.Count == 0) output.WriteLine("No answer has been marked \"not helpful\" yet.");
        foreach (var answer in answers)
        {
            output.WriteLine($"{answer.LastVoteAt:yyyy-MM-dd HH:mm}  {answer.Platform}  {answer.Mode ?? "-"}  not helpful " +
                $"{answer.NotHelpful}, helpful {answer.Helpful}  [{answer.Id}]");
            output.WriteLine($"  Q: {answer.Question}");
            output.WriteLine($"  A: {answer.Text.ReplaceLineEndings(" ")}");
            foreach (var citation in answer.Citations)
                output.WriteLine($"  [{citation.N}] \"{citation.Quote}\" — " +
                    $"{citation.Title}{(citation.Url is null ? "" : $" <{citation.Url}>")}");
        }
        if (exportPath is not null)
        {
            File.WriteAllLines(exportPath, answers.Select(EvalLine));
            output.WriteLine($"Wrote {answers.Count} eval lines to {exportPath}; fill in kind, expect_all/expect_any and sources.");
        }
        return 0;
    }

    /// <summary>An eval line to complete by hand: the question, and a note of what the bot said and how it was rated.</summary>
    private static string EvalLine(AnswerRecord answer) => JsonSerializer.Serialize(new EvalQuestion(
        Id: "fb-" + answer.Id,
        Question: answer.Question,
        Kind: "",
        ExpectAll: [],
        ExpectAny: [],
        Sources: [],
        Note: string.Create(CultureInfo.InvariantCulture,
            $"marked not helpful {answer.NotHelpful}x on {answer.Platform} ({answer.Mode ?? "no mode"}); the bot said: " +
                $"{answer.Text.ReplaceLineEndings(" ")}")));
}
