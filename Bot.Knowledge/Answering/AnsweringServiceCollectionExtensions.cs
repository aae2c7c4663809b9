using Bot.Knowledge.Answering.Kinds;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The offline answer engine and its registry of answer kinds. Order matters: question kinds are tried
/// in the order registered (the first that answers wins); fact kinds answer a part in the order
/// registered. A new kind is a new class and one line here.
/// </summary>
public static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddExtractiveAnswering(this IServiceCollection services)
    {
        services.TryAddSingleton<SentenceCache>();
        services.TryAddSingleton<QuestionParser>();
        services.TryAddSingleton<EvidenceCollector>();
        services.TryAddSingleton<FocusRanker>();
        services.TryAddSingleton<AnswerVerifier>();
        services.TryAddSingleton<DataAnswerer>();

        services.AddSingleton<IQuestionKind, HelpKind>();
        services.AddSingleton<IQuestionKind, RecencyKind>();
        services.AddSingleton<IQuestionKind, RankingKind>();
        services.AddSingleton<IQuestionKind, WarnKind>();
        services.AddSingleton<IQuestionKind, AcrossCompaniesKind>();
        services.AddSingleton<IQuestionKind, ComparisonKind>();
        services.AddSingleton<IQuestionKind, RoundsKind>();

        services.AddSingleton<IFactKind, CountKind>();
        services.AddSingleton<IFactKind, WorkforceKind>();
        services.AddSingleton<IFactKind, PercentKind>();
        services.AddSingleton<IFactKind, DateKind>();
        services.AddSingleton<IFactKind, WhoKind>();
        services.AddSingleton<IFactKind, MoneyKind>();
        services.AddSingleton<IFactKind, TermsKind>();
        services.AddSingleton<IFactKind, ScopeKind>();
        services.AddSingleton<IFactKind, ReasonKind>();
        services.TryAddSingleton<GeneralEvidenceKind>();

        services.TryAddSingleton<ExtractiveAnswerEngine>();
        return services;
    }
}
