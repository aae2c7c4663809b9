using System.CommandLine;
using Bot.Tests.Llm.Support;

namespace Bot.Tests.Llm;

/// <summary>The LLM through the host: <c>ask --llm/--no-llm</c> on the CLI path, settings validation and <c>/health</c>.</summary>
public sealed class LlmHostTests : IAsyncLifetime
{
    private const string Question = "How many jobs is Acme Robotics cutting?";
    private readonly TestPaths.TempDir _dir = new();
    private LoopbackChatCompletionsServer _server = null!;

    private string DatabasePath => _dir.File("llm.db");

    public async ValueTask InitializeAsync() => _server = await LoopbackChatCompletionsServer.StartAsync(Wait.Token(30));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>The test articles ingested into a LiteDB file the host then opens (the test's handle is closed first).</summary>
    private async Task IngestArticlesAsync()
    {
        var database = KnowledgeDatabase.Open(DatabasePath);
        using var knowledge = await LlmTestKnowledge.CreateAsync(new Dictionary<string, string?>(), Wait.Token(30), database);
    }

    private void ScriptGoodAnswer() => _server.Script = (request, _) =>
    {
        var p = request.PassageNumber(LlmTestKnowledge.AcmeCount);
        return ScriptedReply.Answer($"Acme Robotics is cutting 1,200 jobs [{p}].", (p, LlmTestKnowledge.AcmeCount));
    };

    [Fact]
    public void The_ask_command_accepts_llm_and_no_llm()
    {
        var root = BotCommandLine.Build();
        Assert.Empty(root.Parse(["ask", Question, "--llm"]).Errors);
        Assert.Empty(root.Parse(["ask", Question, "--no-llm", "--json"]).Errors);
    }

    [Fact]
    public async Task Ask_with_llm_answers_through_the_configured_model()
    {
        await IngestArticlesAsync();
        ScriptGoodAnswer();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await AskCommand.RunAsync(DatabasePath, Question, json: true, output, errors, TextReader.Null, Wait.Token(30),
            useLlm: true, settings: LlmTestKnowledge.OpenAICompatible(_server));

        Assert.True(exit == 0, errors.ToString());
        using var json = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("llm", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal("Acme Robotics is cutting 1,200 jobs [1].", json.RootElement.GetProperty("answer").GetString());
        var citation = Assert.Single(json.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Equal(LlmTestKnowledge.AcmeCount, citation.GetProperty("quote").GetString());
        Assert.True(citation.GetProperty("verified").GetBoolean());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Ask_with_no_llm_answers_extractively_even_with_a_model_configured()
    {
        await IngestArticlesAsync();
        ScriptGoodAnswer();
        var output = new StringWriter();

        var exit = await AskCommand.RunAsync(DatabasePath, Question, json: true, output, TextWriter.Null, TextReader.Null, Wait.Token(30),
            useLlm: false, settings: LlmTestKnowledge.OpenAICompatible(_server));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("extractive", json.RootElement.GetProperty("mode").GetString());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Ask_with_llm_and_no_provider_is_a_clear_error()
    {
        var errors = new StringWriter();

        var exit = await AskCommand.RunAsync(DatabasePath, Question, json: false, TextWriter.Null, errors, TextReader.Null, Wait.Token(30),
            useLlm: true);

        Assert.Equal(2, exit);
        Assert.Contains("--llm needs a model", errors.ToString());
        Assert.Contains("Answering__Provider", errors.ToString());
    }

    [Fact]
    public async Task Llm_and_no_llm_together_are_refused()
    {
        var errors = new StringWriter();
        var exit = await AskCommand.RunAsync(DatabasePath, Question, json: false, TextWriter.Null, errors, TextReader.Null, Wait.Token(30),
            useLlm: true, conflictingLlmFlags: true);
        Assert.Equal(2, exit);
        Assert.Contains("cannot be used together", errors.ToString());
    }

    [Theory]
    [InlineData("openai-compatible", null, "test-model", "Answering:Endpoint")]
    [InlineData("openai", null, null, "Answering:Model")]
    [InlineData("azure-openai", "https://example.openai.azure.com/", null, "Answering:Deployment")]
    [InlineData("claude", null, null, "Answering:Provider")]
    [InlineData("openai-compatible", "localhost:11434", "llama3.1", "is not an absolute http(s) URL")]
    public void A_missing_or_malformed_setting_stops_with_a_message_naming_it(string provider, string? endpoint, string? model,
        string expected)
    {
        var settings = new Dictionary<string,
            string?> { ["Answering:Provider"] = provider, ["Answering:Endpoint"] = endpoint, ["Answering:Model"] = model };
        using var database = KnowledgeDatabase.InMemory();
        using var services = new KnowledgeServices(database, settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IAnswerEngine>());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Serve_does_not_start_with_a_malformed_answering_setting()
    {
        var settings = new Dictionary<string, string?> { ["Answering:Provider"] = "openai-compatible", ["Answering:Model"] = "llama3.1" };
        await using var app = ServeCommand.BuildApp(DatabasePath, "http://127.0.0.1:0", settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(Wait.Token(30)));

        Assert.Contains("Answering:Endpoint (Answering__Endpoint) is required", error.Message);
    }

    [Fact]
    public async Task Chat_platforms_get_model_answers_and_a_follow_up_carries_the_thread_to_the_model()
    {
        await IngestArticlesAsync();
        _server.Script = (request, n) =>
        {
            var snippet = n == 0 ? LlmTestKnowledge.AcmeCount : LlmTestKnowledge.AcmeReason;
            var p = request.PassageNumber(snippet);
            return ScriptedReply.Answer(n == 0 ? $"Acme Robotics is cutting 1,200 jobs [{p}]."
                : $"The chief executive blamed {snippet} [{p}].", (p, snippet));
        };
        await using var app = ServeCommand.BuildApp(DatabasePath, "http://127.0.0.1:0", LlmTestKnowledge.OpenAICompatible(_server));
        var chat = app.Services.GetRequiredService<ChatService>();

        var first = await chat.AskAsync(new ChatRequest("slack", "U1", "C1", "T1", Question), Wait.Token(30));
        var second = await chat.AskAsync(new ChatRequest("slack", "U1", "C1", "T1", "and why?"), Wait.Token(30));

        Assert.Equal("llm", first.Mode);
        Assert.Equal("llm", second.Mode);
        Assert.Contains(LlmTestKnowledge.AcmeReason, Assert.Single(second.Quotes).Text);
        var followUp = _server.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"],
            followUp.Messages.OfType<JsonObject>().Select(m => (string)m["role"]!));
        Assert.Equal("Acme Robotics is cutting 1,200 jobs [1].",
            ChatCompletionsRequest.TextOf(followUp.MessagesWithRole("assistant").Single()));
    }

    [Fact]
    public async Task Health_shows_the_provider_and_the_last_error_without_the_key()
    {
        await IngestArticlesAsync();
        _server.Script = (_, _) => ScriptedReply.Error(500, "upstream exploded");
        await using var app = ServeCommand.BuildApp(DatabasePath, "http://127.0.0.1:0", LlmTestKnowledge.OpenAICompatible(_server));
        await app.StartAsync(Wait.Token(30));
        var address = LoopbackServer.AddressOf(app).ToString();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using (var before = await http.GetAsync("/health", Wait.Token(30)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            using var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync(Wait.Token(30)));
            var llm = json.RootElement.GetProperty("components").GetProperty("llm");
            Assert.Equal("openai-compatible", llm.GetProperty("detail").GetProperty("provider").GetString());
            Assert.Equal("test-model", llm.GetProperty("detail").GetProperty("model").GetString());
        }

        var answer = await app.Services.GetRequiredService<IAnswerEngine>().AnswerAsync(new AnswerRequest(Question), Wait.Token(30));
        Assert.Equal("extractive", answer.Mode);

        using var after = await http.GetAsync("/health", Wait.Token(30));
        var body = await after.Content.ReadAsStringAsync(Wait.Token(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        using var doc = JsonDocument.Parse(body);
        var detail = doc.RootElement.GetProperty("components").GetProperty("llm").GetProperty("detail");
        Assert.Contains("500", detail.GetProperty("lastError").GetString());
        Assert.Equal(1, detail.GetProperty("fallbacks").GetInt32());
        Assert.DoesNotContain("test-key", body);
        await app.StopAsync(Wait.Token(30));
    }
}
