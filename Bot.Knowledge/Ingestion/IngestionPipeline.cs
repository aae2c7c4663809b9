using System.Security.Cryptography;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Ingests files, directories, pages and feeds, one document at a time: parse, dedupe, segment,
/// embed, then store the document and its passages in one transaction. A bad item is reported with
/// its reason and the rest go on; only a database that can no longer be written stops the run.
/// </summary>
public sealed class IngestionPipeline(
    IDocumentStore store,
    ITextEmbedder embedder,
    CompanyCatalog companies,
    SafeHttpFetcher fetcher,
    IEnumerable<IDataFileImporter> dataImporters,
    IEnumerable<IDocumentIndexer> indexers,
    IOptions<KnowledgeOptions> options,
    ILogger<IngestionPipeline> logger)
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".text" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };
    private static readonly HashSet<string> FeedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".rss", ".atom", ".xml" };

    /// <summary>Each argument may be a file, a directory (recursive) or an http(s) URL of a page or feed.</summary>
    public async Task<IngestReport>
        IngestAsync(IEnumerable<string> sources, IProgress<IngestItemResult>? progress, CancellationToken cancellationToken)
    {
        var results = new List<IngestItemResult>();
        void Report(IngestItemResult r)
            { results.Add(r); progress?.Report(r); store.Log(r.Source, r.Outcome.ToString().ToLowerInvariant(), r.Reason, r.DocumentId); }

        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                foreach (var r in await IngestUrlAsync(uri, cancellationToken, progress)) Report(r);
            }
            else if (Directory.Exists(source))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    foreach (var r in await IngestFileAsync(file, cancellationToken, progress)) Report(r);
            }
            else if (File.Exists(source))
            {
                foreach (var r in await IngestFileAsync(source, cancellationToken, progress)) Report(r);
            }
            else
            {
                Report(new IngestItemResult(source, IngestOutcome.Failed, Reason: "no such file, directory or http(s) URL"));
            }
        }
        return new IngestReport(results);
    }

    /// <param name="progress">Hears how far a long document's embedding has got (<see cref="IngestOutcome.InProgress"/>).</param>
    public async Task<IReadOnlyList<IngestItemResult>>
        IngestFileAsync(string path, CancellationToken cancellationToken, IProgress<IngestItemResult>? progress = null)
    {
        var extension = Path.GetExtension(path);
        try
        {
            if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                var firstLine = File.ReadLines(path).FirstOrDefault() ?? "";
                var importer = dataImporters.FirstOrDefault(i => i.CanImport(path, firstLine));
                return [importer is null
                    ? new IngestItemResult(path, IngestOutcome.Skipped,
                        Reason: "a CSV file whose header is neither layoffs.fyi nor WARN notices")
                    : importer.Import(path, cancellationToken)];
            }
            var size = new FileInfo(path).Length;
            if (size > options.Value.MaxDocumentBytes) return [TooLarge(path, null, size)];
            var content = await File.ReadAllTextAsync(path, cancellationToken);
            if (TextExtensions.Contains(extension))
                return [Store(path, FrontMatterDocumentParser.Parse(content, path,
                    extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? "text" : "markdown") with
                    { SourcePath = Path.GetFullPath(path) }, progress)];
            if (HtmlExtensions.Contains(extension))
                return [Store(path, HtmlDocumentParser.Parse(content, null, "file:" + Path.GetFullPath(path), "html") with
                    { SourcePath = Path.GetFullPath(path) }, progress)];
            if (FeedExtensions.Contains(extension) && FeedParser.LooksLikeFeed(content))
                return await IngestFeedAsync(path, FeedParser.Parse(content, null), cancellationToken);
            return [new IngestItemResult(path, IngestOutcome.Skipped, Reason: $"unsupported file type '{extension}'")];
        }
        catch (Exception ex) when (IsItemFailure(ex))
        {
            logger.LogWarning("Skipped {Path}: {Reason}", path, ex.Message);
            return [new IngestItemResult(path, IngestOutcome.Failed, Reason: ex.Message)];
        }
    }

    public async Task<IReadOnlyList<IngestItemResult>>
        IngestUrlAsync(Uri uri, CancellationToken cancellationToken, IProgress<IngestItemResult>? progress = null)
    {
        try
        {
            var fetched = await fetcher.GetAsync(uri, cancellationToken);
            if (FeedParser.LooksLikeFeed(fetched.Body))
                return await IngestFeedAsync(uri.ToString(), FeedParser.Parse(fetched.Body, fetched.FinalUri), cancellationToken);
            var url = fetched.FinalUri.ToString();
            return [WithWarning(Store(uri.ToString(), ParseFetched(fetched, url, "url"), progress), fetched)];
        }
        catch (Exception ex) when (IsItemFailure(ex))
        {
            logger.LogWarning("Could not ingest {Url}: {Reason}", uri, ex.Message);
            return [new IngestItemResult(uri.ToString(), IngestOutcome.Failed, Reason: ex.Message)];
        }
    }

    /// <summary>Ingests each item's linked page; the feed's title and date fill in what the page lacks.</summary>
    public async Task<IReadOnlyList<IngestItemResult>>
        IngestFeedAsync(string feedSource, IReadOnlyList<FeedItem> items, CancellationToken cancellationToken)
    {
        var results = new List<IngestItemResult>();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = UrlCanonicalizer.Canonicalize(item.Link);
            if (store.FindBySourceKey(key) is { } known)
            {
                results.Add(new IngestItemResult(item.Link, IngestOutcome.Unchanged, known.Title, "already ingested", known.Id));
                continue;
            }
            try
            {
                var fetched = await fetcher.GetAsync(new Uri(item.Link), cancellationToken);
                var parsed = ParseFetched(fetched, item.Link, "feed-item");
                parsed = parsed with
                {
                    Title = string.IsNullOrWhiteSpace(parsed.Title) || parsed.Title == "Untitled page" ? item.Title ?? parsed.Title
                        : parsed.Title,
                    PublishedRaw = parsed.PublishedRaw ?? item.Published?.ToString("yyyy-MM-dd"),
                    Publisher = parsed.Publisher ?? item.FeedTitle,
                };
                results.Add(WithWarning(Store(item.Link, parsed), fetched));
            }
            catch (Exception ex) when (IsItemFailure(ex))
            {
                logger.LogWarning("Could not ingest feed item {Url} from {Feed}: {Reason}", item.Link, feedSource, ex.Message);
                results.Add(new IngestItemResult(item.Link, IngestOutcome.Failed, item.Title, ex.Message));
            }
        }
        return results;
    }

    /// <summary>A stored page keeps the fetch's warning (e.g. an unknown charset) as its reason, so the user sees it.</summary>
    private IngestItemResult WithWarning(IngestItemResult result, FetchResult fetched)
    {
        if (fetched.Warning is null || result.Outcome == IngestOutcome.Failed) return result;
        logger.LogWarning("{Url}: {Warning}", fetched.FinalUri, fetched.Warning);
        return result with { Reason = result.Reason is null ? fetched.Warning : $"{result.Reason}; {fetched.Warning}" };
    }

    private static ParsedDocument ParseFetched(FetchResult fetched, string url, string kind)
    {
        var key = UrlCanonicalizer.Canonicalize(url);
        var isHtml = fetched.ContentType is null || fetched.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase)
            || fetched.Body.TrimStart().StartsWith('<');
        if (isHtml) return HtmlDocumentParser.Parse(fetched.Body, url, key, kind);
        var text = HtmlDocumentParser.Tidy(fetched.Body);
        if (text.Length == 0) throw new FormatException("the page is empty");
        var firstLine = text.Split('\n', 2)[0].Trim();
        return new ParsedDocument { Title = firstLine[..Math.Min(120, firstLine.Length)], Text = text, SourceKind = kind, SourceKey = key,
            Url = url, Publisher = fetched.FinalUri.Host };
    }

    /// <summary>Any failure of one item is that item's (a bad value, a bad page, a LiteDB limit), unless the run was cancelled or the
    /// database itself is gone.</summary>
    private static bool IsItemFailure(Exception ex) =>
        ex is not OperationCanceledException && !KnowledgeDatabaseException.IsUnusable(ex);

    private IngestItemResult TooLarge(string source, string? title, long bytes) =>
        new(source, IngestOutcome.Failed, title,
            $"{bytes:N0} bytes, above the Knowledge:MaxDocumentBytes limit of {options.Value.MaxDocumentBytes:N0}");

    /// <summary>Dedupe, segment, embed, then write in one transaction.</summary>
    public IngestItemResult Store(string source, ParsedDocument parsed, IProgress<IngestItemResult>? progress = null)
    {
        var bytes = Encoding.UTF8.GetByteCount(parsed.Text);
        if (bytes > options.Value.MaxDocumentBytes) return TooLarge(source, parsed.Title, bytes);
        var hash = DocumentRecord.HashOf(parsed.Text);
        var existing = store.FindBySourceKey(parsed.SourceKey);
        if (existing is not null && existing.ContentHash == hash)
            return new IngestItemResult(source, IngestOutcome.Unchanged, existing.Title, null, existing.Id);
        if (existing is null && store.FindByContentHash(hash) is { } sameText)
            return new IngestItemResult(source, IngestOutcome.Unchanged, sameText.Title, $"same text as {sameText.Url ?? sameText.Title}",
                sameText.Id);

        var id = existing?.Id ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parsed.SourceKey)))[..16];
        var (published, precision) = DateExpressions.ParsePublished(parsed.PublishedRaw);
        var title = ReadableTitle.For(parsed.Title, parsed.Url, parsed.Text, parsed.Publisher, published, precision);
        var mentioned = companies.FindMentions(title + "\n" + parsed.Text).ToList();
        // "Google / Alphabet" or "Meta, Facebook": the first part the catalog knows names the company.
        var hint = parsed.CompanyHint is null ? null
            : parsed.CompanyHint.Split(['/', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                  .Select(companies.Canonicalize).FirstOrDefault(c => c is not null) ?? parsed.CompanyHint.Trim();
        if (hint is not null) { mentioned.Remove(hint); mentioned.Insert(0, hint); }

        var document = new DocumentRecord
        {
            Id = id, Title = title, Url = parsed.Url, SourceKey = parsed.SourceKey, Publisher = parsed.Publisher,
            PublishedRaw = parsed.PublishedRaw, Published = published, PublishedPrecision = precision?.ToString().ToLowerInvariant(),
            Companies = mentioned, SourceKind = parsed.SourceKind, ContentHash = hash, Text = parsed.Text, SourcePath = parsed.SourcePath,
        };
        var sentences = SentenceSegmenter.Split(document.Text);
        var passages = BuildPassages(document, sentences,
            done => progress?.Report(new IngestItemResult(source, IngestOutcome.InProgress, parsed.Title, done)));
        var outcome = store.Save(document, passages, saved => { foreach (var indexer in indexers) indexer.Index(saved, sentences); });
        logger.LogDebug("{Outcome} {Title} ({Passages} passages)", outcome, title, passages.Count);
        return new IngestItemResult(source, outcome == SaveOutcome.Added ? IngestOutcome.Added : IngestOutcome.Updated, title, null, id);
    }

    /// <summary>Embedding is the slow part: a long document says every <see cref="ProgressEvery"/> passages how far it has got.</summary>
    private const int ProgressEvery = 50;

    private List<PassageRecord> BuildPassages(DocumentRecord document, IReadOnlyList<TextSpan> sentences, Action<string> reportProgress)
    {
        var spans = PassageChunker.Chunk(sentences);
        var passages = new List<PassageRecord>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            if (i > 0 && i % ProgressEvery == 0) reportProgress($"{i:N0} of {spans.Count:N0} passages embedded");
            var text = spans[i].Of(document.Text);
            passages.Add(new PassageRecord
            {
                Id = $"{document.Id}:{i}", DocumentId = document.Id, Index = i, Start = spans[i].Start, End = spans[i].End, Text = text,
                // The title gives a passage its subject ("Amazon ...") when the sentences only say "the company".
                Embedding = VectorMath.ToBytes(embedder.Embed(EmbeddingText(document.Title, text))),
            });
        }
        return passages;
    }

    public static string EmbeddingText(string title, string passage) => title + ". "
        + string.Join(' ', passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
