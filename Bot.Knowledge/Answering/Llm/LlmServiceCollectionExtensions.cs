using Microsoft.SemanticKernel;

namespace Bot.Knowledge.Answering.Llm;

public static class LlmServiceCollectionExtensions
{
    public const string HttpClientName = "llm";

    /// <summary>
    /// Binds <c>Answering</c> and, when a provider is set, makes <see cref="IAnswerEngine"/> the LLM engine
    /// (the extractive engine stays registered as its fallback). Call before the extractive default is added.
    /// </summary>
    public static IServiceCollection AddLlmAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AnsweringOptions.SectionName);
        services.AddOptions<AnsweringOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnsweringOptions>, AnsweringOptionsValidator>());
        if (LlmProviders.IsNone(section[nameof(AnsweringOptions.Provider)])) return services;

        // The engine's own timeout (on the injected clock) bounds the call; the HttpClient's would cut tool-call rounds short.
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new
            LlmStatus(sp.GetRequiredService<IOptions<AnsweringOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => LlmKernelFactory.Create(
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton<LlmAnswerBuilder>();
        services.TryAddSingleton<LlmAnswerEngine>();
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<LlmAnswerEngine>());
        return services;
    }
}
