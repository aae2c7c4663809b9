namespace Bot.Knowledge.Answering.Llm;

/// <summary>Checks the <c>Answering</c> section; each failure names the setting (and its environment variable) to fix.</summary>
internal sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions o)
    {
        var failures = new List<string>();
        if (!LlmProviders.IsKnown(o.Provider))
            return ValidateOptionsResult.Fail($"Answering:Provider (Answering__Provider) is '{o.Provider}'; use one of: " +
                $"{string.Join(", ", LlmProviders.All)}.");
        var provider = LlmProviders.Normalize(o.Provider);
        if (provider == LlmProviders.None) return ValidateOptionsResult.Success;

        if (o.TimeoutSeconds <= 0) failures.Add("Answering:TimeoutSeconds (Answering__TimeoutSeconds) must be positive.");
        if (o.MaxOutputTokens <= 0) failures.Add("Answering:MaxOutputTokens (Answering__MaxOutputTokens) must be positive.");
        if (o.Temperature is < 0 or > 2) failures.Add("Answering:Temperature (Answering__Temperature) must be between 0 and 2, or empty.");
        if (o.PromptPassages is < 1 or > 30) failures.Add("Answering:PromptPassages (Answering__PromptPassages) must be between 1 and 30.");
        if (provider == LlmProviders.AzureOpenAI)
        {
            if (string.IsNullOrWhiteSpace(o.Deployment))
                failures.Add("Answering:Deployment (Answering__Deployment) is required for azure-openai.");
            if (string.IsNullOrWhiteSpace(o.Endpoint))
                failures.Add("Answering:Endpoint (Answering__Endpoint) is required for azure-openai, e.g. https://NAME.openai.azure.com/.");
            if (string.IsNullOrWhiteSpace(o.ApiKey)) failures.Add("Answering:ApiKey (Answering__ApiKey) is required for azure-openai.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(o.Model)) failures.Add($"Answering:Model (Answering__Model) is required for {provider}.");
            if (provider == LlmProviders.OpenAI && string.IsNullOrWhiteSpace(o.ApiKey))
                failures.Add("Answering:ApiKey (Answering__ApiKey) is required for openai.");
            if (provider == LlmProviders.OpenAICompatible && string.IsNullOrWhiteSpace(o.Endpoint))
                failures.Add("Answering:Endpoint (Answering__Endpoint) is required for openai-compatible, e.g. http://localhost:11434/v1.");
        }
        if (!string.IsNullOrWhiteSpace(o.Endpoint)
            && !(Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            failures.Add($"Answering:Endpoint (Answering__Endpoint) '{o.Endpoint}' is not an absolute http(s) URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
