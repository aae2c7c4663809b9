namespace Bot.Host.Evaluation;

/// <summary>Runs every question of an eval set through an engine and grades the answers.</summary>
public sealed class EvalRunner(IAnswerEngine engine, EvalGrader grader)
{
    public static IReadOnlyList<EvalQuestion> Load(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<EvalQuestion>(l)!).ToList();

    public async Task<IReadOnlyList<(EvalQuestion Question, Answer Answer, EvalGrade Grade)>>
        RunAsync(IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        var results = new List<(EvalQuestion, Answer, EvalGrade)>();
        foreach (var q in questions)
        {
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Question), cancellationToken);
            results.Add((q, answer, grader.Grade(q, answer)));
        }
        return results;
    }
}
