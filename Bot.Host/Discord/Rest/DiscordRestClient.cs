using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Host.Discord.Gateway.Protocol;
using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest.Protocol;
using Bot.Host.Net;

namespace Bot.Host.Discord.Rest;

/// <summary>
/// Discord's REST API on <see cref="HttpClient"/>: bot authorisation and User-Agent, per-route
/// buckets from the rate-limit headers, global and per-route 429s waited out with
/// <c>retry_after</c>, 5xx retried with backoff, and other failures logged with Discord's error body.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClients,
    BucketRegistry buckets,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/layoffbot/layoffbot, 1.0)";
    private const int MaxAttempts = 5;
    private readonly ExponentialBackoff _serverErrorBackoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.GatewayBotInfo, cancellationToken);
    }

    public async Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CurrentApplication(), null, cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.DiscordApplication, cancellationToken);
    }

    /// <summary>Replaces every command in the scope (a guild, or global when <paramref name="guildId"/> is null).</summary>
    public async Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<DiscordApplicationCommand> commands,
        CancellationToken cancellationToken)
    {
        var route = guildId is null
            ? DiscordRoute.BulkOverwriteGlobalCommands(applicationId)
            : DiscordRoute.BulkOverwriteGuildCommands(applicationId, guildId);
        using var response = await SendAsync(route,
            () => JsonContent.Create(commands, DiscordJsonContext.Default.IReadOnlyListDiscordApplicationCommand), cancellationToken);
    }

    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse body,
        CancellationToken cancellationToken) =>
        SendCallbackAsync(interactionId, token, body, DiscordJsonContext.Default.InteractionResponse, cancellationToken);

    public Task CreateAutocompleteResponseAsync(string interactionId, string token, IReadOnlyList<AutocompleteChoice> choices,
        CancellationToken cancellationToken) =>
        SendCallbackAsync(interactionId, token,
            new AutocompleteResponse(InteractionResponseType.ApplicationCommandAutocompleteResult, new AutocompleteChoices(choices)),
            DiscordJsonContext.Default.AutocompleteResponse, cancellationToken);

    private async Task SendCallbackAsync<T>(string interactionId, string token, T body,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.InteractionCallback(interactionId, token), () => JsonContent.Create(body, type),
            cancellationToken);
    }

    public async Task EditOriginalResponseAsync(string applicationId, string token, DiscordMessage message, ChatImage? file,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.EditOriginalResponse(applicationId, token), () => MessageContent(message, file),
            cancellationToken);
    }

    public async Task DeleteOriginalResponseAsync(string applicationId, string token, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.DeleteOriginalResponse(applicationId, token), null, cancellationToken);
    }

    public async Task CreateFollowupMessageAsync(string applicationId, string token, DiscordMessage message, ChatImage? file,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CreateFollowupMessage(applicationId, token), () => MessageContent(message, file),
            cancellationToken);
    }

    /// <summary>Posts a message to a channel (embeds, and the file as a multipart attachment); returns the new message's id.</summary>
    public async Task<string> CreateMessageAsync(string channelId, DiscordMessage message, ChatImage? file,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CreateMessage(channelId), () => MessageContent(message, file), cancellationToken);
        var created = await ReadAsync(response, DiscordJsonContext.Default.DiscordCreatedMessage, cancellationToken);
        return created.Id;
    }

    /// <summary>JSON, or multipart <c>payload_json</c> + <c>files[0]</c> when a file goes along (protocols.md §3.2).</summary>
    private static HttpContent MessageContent(DiscordMessage message, ChatImage? file)
    {
        var json = JsonContent.Create(message, DiscordJsonContext.Default.DiscordMessage);
        if (file is null) return json;
        var image = new ByteArrayContent(file.Png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { json, "payload_json" },
            { image, "files[0]", file.FileName },
        };
    }

    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var uri = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + route.Path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(route.Method, uri) { Content = content?.Invoke() };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            if (route.RequiresAuth) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);

            HttpResponseMessage response;
            using (await buckets.WaitAsync(route, cancellationToken))
            {
                response = await http.SendAsync(request, cancellationToken);
                buckets.Update(route, RateLimitHeaders.Parse(response.Headers));
            }
            if (response.IsSuccessStatusCode) return response;

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    var limit = await ReadRateLimitAsync(response, cancellationToken);
                    if (limit.Global) buckets.PauseGlobal(limit.RetryAfter);
                    else buckets.BucketFor(route).Pause(limit.RetryAfter);
                    DiscordLog.RateLimited(logger, route.Key, limit.RetryAfter.TotalSeconds, limit.Global, limit.Scope);
                    continue;
                }
                if ((int)response.StatusCode >= 500 && attempt < MaxAttempts)
                {
                    var delay = _serverErrorBackoff.Delay(attempt);
                    DiscordLog.ServerErrorRetry(logger, route.Key, (int)response.StatusCode, delay.TotalSeconds);
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                }
                var error = await ReadErrorAsync(response, cancellationToken);
                DiscordLog.RequestFailed(logger, route.Key, (int)response.StatusCode, error.Code, error.Message, error.Errors);
                throw new DiscordRestException(route.Key, response.StatusCode, error.Code, error.Message);
            }
        }
    }

    private sealed record RateLimit(TimeSpan RetryAfter, bool Global, string? Scope);

    private async Task<RateLimit> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = RateLimitHeaders.Parse(response.Headers);
        DiscordRateLimitBody? body = null;
        try { body = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.DiscordRateLimitBody, cancellationToken); }
        catch (JsonException ex) { DiscordLog.UnreadableBody(logger, ex.Message); }
        // The body's retry_after has fractions; the Retry-After header is whole seconds. Prefer the body.
        var retryAfter = body is { RetryAfter: > 0 }
            ? TimeSpan.FromSeconds(body.RetryAfter)
            : RetryAfter.FromHeaders(response.Headers, time.GetUtcNow()) ?? TimeSpan.FromSeconds(1);
        return new RateLimit(retryAfter, body?.Global == true || headers.Global, headers.Scope);
    }

    private async Task<DiscordErrorBody> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (text.Length > 0 && JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordErrorBody) is { } body) return body;
        }
        catch (JsonException) { /* not Discord's JSON (e.g. a proxy's HTML page): keep the raw text below */ }
        return new DiscordErrorBody(0, text.Length > 500 ? text[..500] : text, null);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new InvalidDataException($"Discord returned an empty {typeof(T).Name}.");
}
