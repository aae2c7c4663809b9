namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Settings of the answer writer (section <c>Answering</c>). With <see cref="Provider"/> <c>none</c> the bot
/// answers with the extractive engine only; otherwise a model writes the answer through Semantic Kernel
/// and the extractive engine is the fallback. Embeddings stay local (MiniLM) either way.
/// </summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary><c>none</c>, <c>openai</c>, <c>azure-openai</c> or <c>openai-compatible</c> (Ollama, LM Studio, vLLM...).</summary>
    public string Provider { get; set; } = LlmProviders.None;

    /// <summary>Model name for <c>openai</c> and <c>openai-compatible</c>, e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Deployment name for <c>azure-openai</c>.</summary>
    public string? Deployment { get; set; }

    /// <summary>Base URL: the Azure resource (<c>https://NAME.openai.azure.com/</c>) or the OpenAI-compatible <c>/v1</c> root. Optional for
    /// <c>openai</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Secret; required for <c>openai</c> and <c>azure-openai</c>, optional for local servers. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whole-answer budget for the model (all round trips, tool calls included) before the extractive fallback.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Sampling temperature; 0 keeps quotes closest to the text. Empty for models that reject it (o-series, gpt-5).</summary>
    public double? Temperature { get; set; } = 0;

    /// <summary>Passages retrieved for the question and put in the prompt.</summary>
    public int PromptPassages { get; set; } = 8;

    public bool Enabled => !LlmProviders.IsNone(Provider);

    /// <summary>The model or deployment this configuration talks to (for logs and /health).</summary>
    public string? ModelName => LlmProviders.Normalize(Provider) == LlmProviders.AzureOpenAI ? Deployment : Model;
}
