namespace Bot.Knowledge.Answering.Llm;

/// <summary>The values <see cref="AnsweringOptions.Provider"/> accepts.</summary>
public static class LlmProviders
{
    public const string None = "none";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    public static readonly IReadOnlyList<string> All = [None, OpenAI, AzureOpenAI, OpenAICompatible];

    public static string Normalize(string? provider) => string.IsNullOrWhiteSpace(provider) ? None : provider.Trim().ToLowerInvariant();

    public static bool IsNone(string? provider) => Normalize(provider) == None;

    public static bool IsKnown(string? provider) => All.Contains(Normalize(provider));
}
