using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel;
using OpenAI;

namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Builds the Semantic Kernel with the chat completion service of the configured provider. The OpenAI
/// clients are created here so they use our HttpClient and never retry: a failed call falls back to
/// the extractive answer at once instead of keeping the user waiting through backoff.
/// </summary>
internal static class LlmKernelFactory
{
    /// <summary>Local servers (Ollama, LM Studio) ignore the key but the client requires one.</summary>
    private const string PlaceholderKey = "not-needed";

    public static Kernel Create(AnsweringOptions options, HttpClient httpClient)
    {
        var builder = Kernel.CreateBuilder();
        var transport = new HttpClientPipelineTransport(httpClient);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        var networkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        switch (LlmProviders.Normalize(options.Provider))
        {
            case LlmProviders.AzureOpenAI:
                var azure = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!),
                    new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = networkTimeout });
                builder.AddAzureOpenAIChatCompletion(options.Deployment!, azure);
                break;
            case LlmProviders.OpenAI or LlmProviders.OpenAICompatible:
                var clientOptions = new OpenAIClientOptions
                    { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
                if (!string.IsNullOrWhiteSpace(options.Endpoint)) clientOptions.Endpoint = new Uri(options.Endpoint);
                var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
                builder.AddOpenAIChatCompletion(options.Model!, new OpenAIClient(new ApiKeyCredential(key), clientOptions));
                break;
            default:
                throw new InvalidOperationException($"Answering:Provider '{options.Provider}' has no chat completion service.");
        }
        return builder.Build();
    }
}
