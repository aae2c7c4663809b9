using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Host.Net;
using Bot.Host.Slack.WebApi.Protocol;

namespace Bot.Host.Slack.WebApi;

/// <summary>
/// Every Slack Web API call goes through here: Bearer token, JSON with charset=utf-8 (or a form),
/// <c>ok:false</c> turned into <see cref="SlackApiException"/>, and HTTP 429 waited out per Retry-After.
/// </summary>
internal sealed class SlackWebApiClient(
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger)
{
    public const string HttpClientName = "slack";
    private const int MaxAttempts = 4;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public Task<TResponse> PostJsonAsync<TRequest, TResponse>(
        string method, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo,
        SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse =>
        // JsonContent sends "application/json; charset=utf-8", which Slack wants for JSON bodies.
        CallAsync(method, () => JsonContent.Create(body, requestInfo), responseInfo, token, cancellationToken);

    public Task<TResponse> PostFormAsync<TResponse>(
        string method, IReadOnlyDictionary<string, string> form, JsonTypeInfo<TResponse> responseInfo,
        SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse =>
        // Form bodies must not carry a charset; FormUrlEncodedContent sends none.
        CallAsync(method, () => new FormUrlEncodedContent(form), responseInfo, token, cancellationToken);

    /// <summary>POSTs to a URL Slack handed out (upload_url, response_url): no token, Slack signed the URL itself.</summary>
    public async Task PostToUrlAsync(string what, Uri url, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                await WaitRetryAfterAsync(what, response, cancellationToken);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new SlackApiException(what, $"http_{(int)response.StatusCode}");
            return;
        }
    }

    private async Task<TResponse> CallAsync<TResponse>(
        string method, Func<HttpContent> content, JsonTypeInfo<TResponse> responseInfo,
        SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var http = httpClients.CreateClient(HttpClientName);
        var url = new Uri(BaseUri(), method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(token));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= MaxAttempts) throw new SlackApiException(method, "ratelimited");
                await WaitRetryAfterAsync(method, response, cancellationToken);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");

            TResponse? result;
            try { result = await response.Content.ReadFromJsonAsync(responseInfo, cancellationToken); }
            catch (JsonException) { throw new SlackApiException(method, "invalid_response"); }
            if (result is null) throw new SlackApiException(method, "invalid_response");
            if (!result.Ok) throw new SlackApiException(method, result.Error ?? "unknown_error");
            if (result.Warning is { } warning) SlackLog.ApiWarning(logger, method, warning);
            return result;
        }
    }

    private async Task WaitRetryAfterAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var wait = RetryAfter.FromHeaders(response.Headers, time.GetUtcNow()) ?? DefaultRetryAfter;
        SlackLog.RateLimited(logger, method, wait.TotalSeconds);
        await Task.Delay(wait, time, cancellationToken);
    }

    private Uri BaseUri()
    {
        var baseUrl = options.Value.ApiBaseUrl;
        return new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }

    private string Token(SlackTokenKind kind) =>
        (kind == SlackTokenKind.App ? options.Value.AppToken : options.Value.BotToken)
        ?? throw new InvalidOperationException($"Slack:{kind}Token is not configured.");
}

/// <summary>Which configured token authorises a call: the bot token, or the app-level token (Socket Mode only).</summary>
internal enum SlackTokenKind
{
    Bot,
    App,
}
