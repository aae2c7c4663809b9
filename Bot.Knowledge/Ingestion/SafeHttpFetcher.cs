using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The result of one GET: the final URL after redirects, the body, the validators for a conditional GET,
/// and a warning when the body had to be decoded by guesswork (an unknown charset).
/// </summary>
public sealed record FetchResult(Uri FinalUri, HttpStatusCode Status, string? ContentType, string Body, string? ETag, string? LastModified,
    string? Warning = null)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>
/// HTTP GET for ingestion with a timeout, a body size limit and a redirect cap. The address check runs
/// in the connect callback, after DNS resolution and on every redirect, so a public name that resolves
/// to a private address (or a redirect to one) is refused too. Proxy variables (HTTP_PROXY...) are
/// ignored: through a proxy the connect callback only sees the proxy. An explicit
/// <see cref="KnowledgeOptions.Proxy"/> is used, and then each target host is resolved and checked
/// before its request.
/// </summary>
public sealed class SafeHttpFetcher : IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly HttpClient _client;
    private readonly Uri? _proxy;

    public SafeHttpFetcher(IOptions<KnowledgeOptions> options)
    {
        _options = options.Value;
        _proxy = string.IsNullOrWhiteSpace(_options.Proxy) ? null : new Uri(_options.Proxy);
        _client = new HttpClient(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("LayoffBot", "1.0"));
    }

    /// <summary>The handler behind the client (internal so a test can see which proxy it uses).</summary>
    internal SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseProxy = _proxy is not null,
        Proxy = _proxy is null ? null : new WebProxy(_proxy),
    };

    public async Task<FetchResult> GetAsync(Uri uri, CancellationToken cancellationToken, string? etag = null, string? lastModified = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.DownloadTimeoutSeconds));
        try
        {
            var current = uri;
            for (var redirects = 0; ; redirects++)
            {
                if (current.Scheme is not ("http" or "https")) throw new
                    UrlRefusedException($"only http and https URLs can be ingested, not {current.Scheme}");
                // Through a proxy the connect callback sees only the proxy, so the target is checked here.
                if (_proxy is not null) await ResolveCheckedAsync(current.IdnHost, timeout.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
                    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified
                    && response.Headers.Location is { } location)
                {
                    if (redirects >= _options.MaxRedirects) throw new UrlRefusedException($"more than {_options.MaxRedirects} redirects");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var validators = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult(current, response.StatusCode, null, "", validators.Item1 ?? etag,
                        validators.Item2 ?? lastModified);
                if (!response.IsSuccessStatusCode) throw new
                    HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {current}", null,
                    response.StatusCode);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (mediaType is not null && !IsText(mediaType))
                    throw new UrlRefusedException($"{current} is {mediaType}, not a web page, text or feed");
                var (body, warning) = await ReadLimitedAsync(response.Content, timeout.Token);
                return new FetchResult(current, response.StatusCode, mediaType, body, validators.Item1, validators.Item2, warning);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no complete response from {uri} within {_options.DownloadTimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is UrlRefusedException refused)
        {
            throw refused;
        }
    }

    /// <summary>Pages, plain text and feeds; anything else (images, PDFs, octet streams) would be stored as garbage.</summary>
    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase);

    private async Task<(string Body, string? Warning)> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _options.MaxDownloadBytes)
            throw new UrlRefusedException($"the page is larger than the {_options.MaxDownloadBytes:N0}-byte limit");
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxDownloadBytes) throw new
                UrlRefusedException($"the page is larger than the {_options.MaxDownloadBytes:N0}-byte limit");
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset)) return (Encoding.UTF8.GetString(bytes), null);
        try
        {
            return (Encoding.GetEncoding(charset).GetString(bytes), null);
        }
        catch (ArgumentException)
        {
            return (Encoding.UTF8.GetString(bytes), $"unknown charset '{charset}', read as UTF-8");
        }
    }

    /// <summary>The addresses of <paramref name="host"/>, refused when any is private (unless private addresses are allowed).</summary>
    private async Task<IPAddress[]> ResolveCheckedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!_options.AllowPrivateAddresses)
        {
            var refused = addresses.FirstOrDefault(AddressPolicy.IsPrivate);
            if (refused is not null)
                throw new UrlRefusedException($"{host} resolves to {refused}, a loopback, private or link-local address; set " +
                    $"Knowledge:AllowPrivateAddresses=true to allow it");
        }
        if (addresses.Length == 0) throw new HttpRequestException($"{host} has no addresses");
        return addresses;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        // The configured proxy is the operator's choice and may well be local; the targets behind it were checked in GetAsync.
        var isProxy = _proxy is not null && string.Equals(endPoint.Host, _proxy.IdnHost, StringComparison.OrdinalIgnoreCase)
            && endPoint.Port == _proxy.Port;
        var addresses = isProxy ? await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken)
            : await ResolveCheckedAsync(endPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A URL that ingestion will not fetch (private address, bad scheme, too large, too many redirects).</summary>
public sealed class UrlRefusedException(string message) : Exception(message);
