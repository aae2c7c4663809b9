using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Bot.Host.Benchmarks;

/// <summary>
/// The peer a .NET engineer would otherwise pick: a Lucene.Net BM25 index (StandardAnalyzer,
/// BM25Similarity) over the same passages, each indexed as its document title plus its text, on disk.
/// </summary>
internal sealed class LuceneBm25Baseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Body = "body", PassageId = "id";
    private readonly Analyzer _analyzer = new StandardAnalyzer(Version);
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    /// <param name="passages">Title and text of each passage; results are indexes into this list.</param>
    public LuceneBm25Baseline(string folder, IEnumerable<(string Title, string Text)> passages)
    {
        _directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            var id = 0;
            foreach (var (title, text) in passages)
                writer.AddDocument(new Document
                    { new StoredField(PassageId, id++), new TextField(Body, title + "\n" + text, Field.Store.NO) });
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _reader.NumDocs;

    /// <summary>The best <paramref name="top"/> passages for a free-text query (its analysed terms, OR-ed).</summary>
    public IReadOnlyList<int> Search(string query, int top)
    {
        var boolean = new BooleanQuery();
        foreach (var term in Terms(query).Distinct()) boolean.Add(new TermQuery(new Term(Body, term)), Occur.SHOULD);
        if (boolean.Clauses.Count == 0) return [];
        return _searcher.Search(boolean,
            top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).GetField(PassageId).GetInt32Value()!.Value).ToList();
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(Body, text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attribute.ToString());
        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
