namespace Bot.Knowledge.Answering.Kinds;

/// <summary>"Which companies cut the most jobs in 2023?": a ranking from the layoffs.fyi rows, each company's largest row cited.</summary>
internal sealed class RankingKind(DataAnswerer data) : IQuestionKind
{
    public string Name => "ranking";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft) =>
        DataAnswerer.AsksForRanking(context.Question) && data.TryAnswerRanking(context.Question, draft);
}

/// <summary>"Did Amazon file WARN notices in Washington?": the WARN notices of the company, each cited.</summary>
internal sealed class WarnKind(DataAnswerer data) : IQuestionKind
{
    public string Name => "warn";

    public bool TryAnswer(QuestionContext context, AnswerDraft draft) =>
        context.Question.Companies.Count == 1 && data.TryAnswerWarn(context.Question, context.Question.Companies[0], draft);
}
