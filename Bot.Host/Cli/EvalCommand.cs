using System.CommandLine;
using Bot.Host.Evaluation;

namespace Bot.Host.Cli;

/// <summary><c>eval FILE.jsonl [--json] [--report PATH]</c>: answers and grades every question of an eval set.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "An eval set in the format of ../shared/eval/README.md." };
        var json = new Option<bool>("--json") { Description = "One JSON object per question, then a summary object." };
        var report = new Option<string?>("--report") { Description = "Also write a markdown report to this path." };
        var command = new Command("eval", "Grade the answers to an eval set (PASS/FAIL and why, summary by kind).") { file, json, report };
        command.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(BotCommandLine.DbOption), parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(report),
            Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? db, string file, bool json, string? reportPath, TextWriter output,
        CancellationToken cancellationToken)
    {
        using var host = BotHostFactory.CreateCliHost(db);
        await host.Services.GetRequiredService<KnowledgeSeeder>().SeedOrResumeAsync(Console.Error.WriteLine, cancellationToken);
        if (host.Services.GetRequiredService<Knowledge.LayoffData.ILayoffRowStore>().Count() > 0)
            await Console.Error.WriteLineAsync("Note: this knowledge base also holds layoffs.fyi/WARN rows. Eval sets such as " +
                "../shared/eval are defined over the articles alone, "
                + "and data answers can turn an 'unanswerable' question into a cited answer. For comparable figures use an articles-only " +
                    "database: "
                + "--db /tmp/articles.db ingest ../shared/data/articles, then --db /tmp/articles.db eval ...");
        var runner = host.Services.GetRequiredService<EvalRunner>();
        var questions = EvalRunner.Load(RepositoryPaths.UserPath(file));
        // One warm-up so the latency figures are warm (model loaded, index built).
        await runner.RunAsync(questions.Take(1).ToList(), cancellationToken);
        var results = await runner.RunAsync(questions, cancellationToken);
        var summary = EvalSummary.From(results.Select(r => r.Grade).ToList());

        foreach (var (q, answer, grade) in results)
        {
            await output.WriteLineAsync(json
                ? JsonSerializer.Serialize(new { id = q.Id, kind = q.Kind, pass = grade.Pass, reasons = grade.Reasons,
                    unverifiableQuotes = grade.UnverifiableQuotes, elapsedMs = grade.ElapsedMs, answer }, AnswerJson.Options)
                : $"{(grade.Pass ? "PASS" : "FAIL")} {q.Id} {q.Kind,-12} " +
                    $"{q.Question}{(grade.Pass ? "" : "  -- " + string.Join("; ", grade.Reasons))}");
        }
        await output.WriteLineAsync(json ? JsonSerializer.Serialize(new { summary }, AnswerJson.Options) : summary.ToText());
        if (reportPath is not null) await File.WriteAllTextAsync(reportPath, Markdown(file, results, summary), cancellationToken);
        return 0;
    }

    private static string Markdown(string file,
        IReadOnlyList<(EvalQuestion Question, Knowledge.Answering.Answer Answer, EvalGrade Grade)> results, EvalSummary summary)
    {
        var sb = new StringBuilder($"# Eval report: {Path.GetFileName(file)}\n\n{summary.ToText()}\n\n| id | kind | result | why | " +
            $"answer |\n|---|---|---|---|---|\n");
        foreach (var (q, a, g) in results)
            sb.AppendLine($"| {q.Id} | {q.Kind} | {(g.Pass ? "PASS" : "FAIL")} | {string.Join("; ", g.Reasons).Replace("|", "/")} | " +
                $"{a.Text.Replace("|", "/").Replace("\n", " ")} |");
        return sb.ToString();
    }
}
