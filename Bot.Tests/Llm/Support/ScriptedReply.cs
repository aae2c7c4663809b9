namespace Bot.Tests.Llm.Support;

/// <summary>What the loopback model answers to one request: a status and body, or no answer until the client gives up.</summary>
public sealed record ScriptedReply(int Status, string Body, bool Hang = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A normal completion whose assistant message is <paramref name="content"/>.</summary>
    public static ScriptedReply Content(string content) => Completion(new { role = "assistant", content }, "stop");

    /// <summary>The answer shape the engine asks for, serialised as the model would write it.</summary>
    public static ScriptedReply Answer(string answer, params (int Passage, string Quote)[] quotes) =>
        Content(JsonSerializer.Serialize(new { answer, quotes = quotes.Select(q => new { passage = q.Passage, quote = q.Quote }) }, Json));

    /// <summary>An assistant turn that calls one tool (finish_reason tool_calls), as OpenAI sends it.</summary>
    public static ScriptedReply ToolCall(string id, string function, object arguments) => Completion(new
    {
        role = "assistant",
        content = (string?)null,
        tool_calls = new[] { new { id, type = "function",
            function = new { name = function, arguments = JsonSerializer.Serialize(arguments, Json) } } },
    }, "tool_calls");

    public static ScriptedReply Error(int status, string message) =>
        new(status, JsonSerializer.Serialize(new { error = new { message, type = "server_error", code = (string?)null } }, Json));

    public static ScriptedReply NoAnswer() => new(0, "", Hang: true);

    private static ScriptedReply Completion(object message, string finishReason) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, message, finish_reason = finishReason } },
        usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
    }, Json));
}
