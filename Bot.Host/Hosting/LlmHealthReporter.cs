using Bot.Knowledge.Answering.Llm;

namespace Bot.Host.Hosting;

/// <summary><c>/health</c> entry "llm": provider, model and the last error or fallback; unhealthy while the last call failed.</summary>
internal sealed class LlmHealthReporter(LlmStatus status) : IHealthReporter
{
    public string Name => "llm";

    public bool IsHealthy => status.IsHealthy;

    public object Describe()
    {
        var s = status.Current;
        return new
        {
            provider = s.Provider,
            model = s.Model,
            answered = s.Answered,
            fallbacks = s.Fallbacks,
            lastSuccessAt = s.LastSuccessAt,
            lastError = s.LastError,
            lastErrorAt = s.LastErrorAt,
            lastFallbackReason = s.LastFallbackReason,
            lastFallbackAt = s.LastFallbackAt,
        };
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !LlmProviders.IsNone(configuration.GetSection(AnsweringOptions.SectionName)[nameof(AnsweringOptions.Provider)]);
}
