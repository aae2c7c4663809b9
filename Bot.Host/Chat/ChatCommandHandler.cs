using Bot.Knowledge.Charts;
using Bot.Knowledge.Companies;

namespace Bot.Host.Chat;

/// <summary>Runs one platform-neutral command and returns the reply the platform edge renders.</summary>
public interface IChatCommandHandler
{
    Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// The slash commands every platform offers, answered once here: ask, layoffs, sources, ingest
/// (admin only), digest and watch. Platforms translate their payloads into a <see cref="ChatCommand"/> and
/// render the <see cref="ChatReply"/>.
/// </summary>
internal sealed class ChatCommandHandler(
    ChatService chat,
    LayoffDataQueries queries,
    LayoffChartRenderer charts,
    IDocumentStore documents,
    IngestionPipeline ingestion,
    IDigestProvider digests,
    WatchCommand watch,
    DigestSubscriptionCommand digestSubscriptions,
    ILogger<ChatCommandHandler> logger) : IChatCommandHandler
{
    private const int MaxTimelineLines = 12;

    public async Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return command.Name switch
            {
                "ask" => await chat.AskAsync(command.Request with { Text = Option(command, "question") ?? command.Request.Text },
                    cancellationToken),
                "layoffs" => Layoffs(command),
                "sources" => Sources(),
                "ingest" => await IngestAsync(command, cancellationToken),
                "digest" => command.Options.GetValueOrDefault(ChatCommand.SubcommandOption) switch
                {
                    "subscribe" => digestSubscriptions.Handle(command, subscribe: true),
                    "unsubscribe" => digestSubscriptions.Handle(command, subscribe: false),
                    _ => await digests.LatestAsync(cancellationToken),
                },
                "watch" => watch.Handle(command),
                _ => ChatReply.Error($"I don't know the command \"{command.Name}\"."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user gets a short message; the details go to the log.
            logger.LogError(ex, "Command {Command} from {Platform} user {User} failed", command.Name, command.Request.Platform,
                command.Request.UserId);
            return ChatReply.Error("Sorry, something went wrong with that command. The details are in the bot's log.");
        }
    }

    private ChatReply Layoffs(ChatCommand command)
    {
        var company = (Option(command, "company") ?? command.Request.Text).Trim();
        if (company.Length == 0) return ChatReply.Error("Which company? e.g. /layoffs company:Amazon");
        DateOnly? since = null;
        if (Option(command, "since") is { Length: > 0 } sinceText)
        {
            if (!TryParseSince(sinceText, out var parsed)) return ChatReply.Error("since takes a date like 2022, 2022-11 or 2022-11-16.");
            since = parsed;
        }
        var canonical = EmployerNameNormalizer.Canonical(company);
        var events = queries.Timeline(canonical, since);
        if (events.Count == 0)
            return new ChatReply { Text = $"I have no layoff rounds of {canonical}{(since is null ? "" : $" since {since:yyyy-MM-dd}")} " +
                $"in the knowledge base.", NoAnswer = true };
        var lines = events.OrderByDescending(e => e.Start).Take(MaxTimelineLines).Select(LayoffDataTextFormatter.Round).ToList();
        var months = queries.MonthlyTotals(canonical, since);
        var image = months.Count > 0 ? new
            ChatImage($"{canonical.ToLowerInvariant()}-layoffs.png", charts.CompanyTimeline(canonical, months),
            $"{canonical} layoffs by month") : null;
        return new ChatReply
        {
            Text = $"{canonical}: {events.Count} layoff rounds{(since is null ? "" : $" since {since:yyyy-MM-dd}")}, newest first. Each " +
                $"source's figure is shown as reported, never averaged.",
            Lines = lines,
            Image = image,
        };
    }

    private ChatReply Sources()
    {
        var docs = documents.ListDocuments();
        var companies = docs.SelectMany(d => d.Companies.Take(1)).GroupBy(c => c).OrderByDescending(g => g.Count()).Take(12).Select(g
            => $"{g.Key} ({g.Count()})");
        var latest = docs.OrderByDescending(d => d.IngestedAt).Take(8)
            .Select(d => $"{d.Title} — " +
                $"{d.Publisher ?? "unknown publisher"}{(d.Published is { } p ? p.ToString(", yyyy-MM-dd",
                CultureInfo.InvariantCulture) : "")}");
        return new ChatReply
        {
            Text = $"The knowledge base holds {docs.Count} articles. Companies covered: {string.Join(", ", companies)}.",
            Lines = latest.ToList(),
            Ephemeral = true,
        };
    }

    private async Task<ChatReply> IngestAsync(ChatCommand command, CancellationToken ct)
    {
        if (!command.IsAdmin) return ChatReply.Error("Only server admins (Manage Server) can add sources.");
        var url = (Option(command, "url") ?? command.Request.Text).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return ChatReply.Error("Give me an http(s) URL of an article or feed.");
        var results = await ingestion.IngestUrlAsync(uri, ct);
        var lines = results.Select(r =>
            $"{r.Outcome.ToString().ToLowerInvariant()}: {r.Title ?? r.Source}{(r.Reason is null ? "" : $" ({r.Reason})")}").ToList();
        var failed = results.All(r => r.Outcome == IngestOutcome.Failed);
        return new ChatReply { Text = failed ? "I couldn't ingest that URL." : "Ingested.", Lines = lines, Ephemeral = true,
            IsError = failed };
    }

    private static string? Option(ChatCommand command, string name) =>
        command.Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static bool TryParseSince(string text, out DateOnly date)
    {
        var formats = new[] { "yyyy", "yyyy-MM", "yyyy-MM-dd" };
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }
}
