using System.Diagnostics;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Answers through the configured model: retrieves passages for the question, sends them numbered with
/// the thread's earlier turns, lets the model search the knowledge base itself, then keeps only what
/// verifies (quotes verbatim in the cited passage, figures from kept quotes). When the call fails, times
/// out, replies in another shape or leaves nothing verified, the extractive answer is returned instead.
/// </summary>
internal sealed class LlmAnswerEngine(
    Kernel kernel,
    IOptions<AnsweringOptions> options,
    HybridRetriever retriever,
    QuestionParser parser,
    CompanyCatalog companies,
    EvidenceCollector collector,
    ExtractiveAnswerEngine extractive,
    LlmAnswerBuilder builder,
    AnswerVerifier verifier,
    LlmStatus status,
    TimeProvider time,
    ILogger<LlmAnswerEngine> logger) : IAnswerEngine
{
    private const int MaxErrorLength = 300;
    private const int MaxToolRounds = 3;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        if (request.UseLlm == false || retriever.Index.PassageCount == 0)
            return await extractive.AnswerAsync(request, cancellationToken);

        var watch = Stopwatch.StartNew();
        var o = options.Value;
        var catalog = new PassageCatalog();
        var passages = Retrieve(request, o.PromptPassages).Select(p => (catalog.Add(p), p)).ToList();
        var history = LlmPrompt.Build(request, passages);

        string? content;
        var toolRounds = new ToolRoundLimit(MaxToolRounds);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(o.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var questionKernel = kernel.Clone();
            questionKernel.Plugins.AddFromObject(new KnowledgePlugin(retriever, companies, collector, catalog, logger),
                KnowledgePlugin.PluginName);
            questionKernel.AutoFunctionInvocationFilters.Add(toolRounds);
            var settings = new OpenAIPromptExecutionSettings
            {
                MaxTokens = o.MaxOutputTokens,
                Temperature = o.Temperature,
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            };
            var chat = questionKernel.GetRequiredService<IChatCompletionService>();
            var reply = await chat.GetChatMessageContentAsync(history, settings, questionKernel, linked.Token);
            content = reply.Content;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = timeout.IsCancellationRequested ? $"no reply within {o.TimeoutSeconds} s" : Describe(ex);
            status.RecordFailure(error);
            return await FallbackAsync(request, error, watch, cancellationToken);
        }

        if (toolRounds.Exceeded)
        {
            var error = $"the model was still calling tools after {MaxToolRounds} rounds";
            status.RecordFailure(error);
            return await FallbackAsync(request, error, watch, cancellationToken);
        }
        var parsed = LlmReplyParser.Parse(content);
        if (parsed is null)
        {
            const string error = "the model's reply is not the JSON object asked for";
            logger.LogDebug("Malformed model reply: {Content}", content);
            status.RecordFailure(error);
            return await FallbackAsync(request, error, watch, cancellationToken);
        }

        var answer = verifier.Verify(builder.Build(request.Question, parsed, catalog));
        if (answer.Citations.Count == 0 || answer.NoAnswer)
        {
            const string reason = "nothing in the model's answer verified against the stored passages";
            status.RecordReplyWithoutVerifiedAnswer(reason);
            return await FallbackAsync(request, reason, watch, cancellationToken);
        }
        status.RecordAnswered();
        return answer with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
    }

    /// <summary>Passages about the question's companies and period; the period is relaxed when it leaves none.</summary>
    private IReadOnlyList<RetrievedPassage> Retrieve(AnswerRequest request, int top)
    {
        var q = parser.Parse(request.Question, request.History);
        // A follow-up ("and why?") searches with the subject it inherited from the thread.
        var query = q.InheritedSubject ? $"{string.Join(" ", q.Companies)} {q.Text}" : q.Text;
        var filter = new RetrievalFilter { Companies = q.Companies, From = q.Period?.From, To = q.Period?.To };
        var found = retriever.Search(query, filter, top);
        if (found.Count == 0 && q.Period is not null) found = retriever.Search(query, filter with { From = null, To = null }, top);
        return found;
    }

    private async Task<Answer> FallbackAsync(AnswerRequest request, string reason, Stopwatch watch, CancellationToken cancellationToken)
    {
        logger.LogWarning("LLM answer replaced by the extractive answer: {Reason}", reason);
        var answer = await extractive.AnswerAsync(request, cancellationToken);
        return answer with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
    }

    /// <summary>The error without the request (headers hold the key); long response bodies are cut.</summary>
    private static string Describe(Exception ex)
    {
        var status = ex is HttpOperationException { StatusCode: { } code } ? $" (HTTP {(int)code})" : "";
        var message = ex.Message.ReplaceLineEndings(" ");
        if (message.Length > MaxErrorLength) message = message[..MaxErrorLength] + "...";
        return $"{ex.GetType().Name}{status}: {message}";
    }
}
