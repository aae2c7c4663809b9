namespace Bot.Knowledge.Answering;

/// <summary>A candidate sentence with how well it answers a question part.</summary>
public sealed record RankedSentence(CandidateSentence Sentence, double Score, double Lexical, double Semantic);

/// <summary>
/// Scores sentences by how well they answer a question part's focus ("notice pay", "hiring freeze",
/// "dublin"): the share of focus words the sentence contains (stems, and words sharing a long prefix:
/// "responsible" ~ "responsibility"), plus the sentence's MiniLM similarity to the question. Only the
/// best lexical candidates are embedded (sentence vectors are cached), so a question costs a few
/// encoder runs at most.
/// </summary>
public sealed class FocusRanker(ITextEmbedder embedder, SentenceCache cache)
{
    private const int EmbeddedCandidates = 12;
    // A focus word in the sentence is the strongest sign it answers the part; meaning breaks ties and finds paraphrases.
    private const double LexicalWeight = 1.5;

    public IReadOnlyList<RankedSentence>
        Rank(IEnumerable<CandidateSentence> sentences, IReadOnlyList<string> focus, float[] questionVector, Func<CandidateSentence,
        double>? prior = null)
    {
        var scored = sentences
            .Select(s => (Sentence: s, Lexical: Lexical(focus, s.Text), Prior: prior?.Invoke(s) ?? 0))
            .OrderByDescending(s => s.Lexical + s.Prior + 0.3 * s.Sentence.Retrieval)
            .ToList();
        var ranked = new List<RankedSentence>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (sentence, lexical, p) = scored[i];
            var semantic = i < EmbeddedCandidates ? Semantic(questionVector, sentence.Text) : 0;
            ranked.Add(new RankedSentence(sentence, LexicalWeight * lexical + semantic + p + 0.1 * sentence.Retrieval, lexical, semantic));
        }
        return ranked.OrderByDescending(r => r.Score).ToList();
    }

    /// <summary>Cosine similarity of the sentence's MiniLM vector and the question's.</summary>
    public double Semantic(float[] questionVector, string sentence) =>
        VectorMath.Dot(questionVector, cache.Vector(sentence, embedder));

    /// <summary>Share of the focus words the sentence contains.</summary>
    public static double Lexical(IReadOnlyList<string> focus, string sentence)
    {
        if (focus.Count == 0) return 0;
        var tokens = Tokenizer.Tokenize(sentence).ToHashSet();
        var hits = focus.Count(f => Has(tokens, f));
        return (double)hits / focus.Count;
    }

    /// <summary>Which focus words the sentence contains.</summary>
    public static IEnumerable<string> Matched(IReadOnlyList<string> focus, string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence).ToHashSet();
        return focus.Where(f => Has(tokens, f));
    }

    private static bool Has(HashSet<string> tokens, string focus) =>
        tokens.Contains(focus) || tokens.Any(t => SharesStem(focus, t))
        || (Synonyms.TryGetValue(focus, out var group) && group.Any(tokens.Contains));

    /// <summary>Words a question and its answer often use for the same thing ("the email" is "the message" or "the memo").</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new[]
    {
        new[] { "email", "mail", "message", "memo", "letter", "note", "blog" },
        ["sent", "send", "wrote", "write", "written", "came", "announc"],
        ["team", "group", "org", "organization", "organisation", "division", "unit", "department"],
        ["ceo", "chief", "executive"],
        ["cfo", "financial"],
        ["coo", "operating"],
        ["cto", "technology"],
        ["fire", "sack", "dismiss", "oust"],
        ["freeze", "pause"],
        ["hit", "impact", "affect"],
        ["hire", "hir", "recruit"],
    }.SelectMany(g => g.Select(w => (Word: Tokenizer.Stem(w), Group: g.Select(Tokenizer.Stem).ToArray())))
     .GroupBy(x => x.Word).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Group).Distinct().ToArray());

    /// <summary>"responsible" and "responsibility", "engineer" and "engineering": a shared prefix of most of the shorter word.</summary>
    private static bool SharesStem(string a, string b)
    {
        if (a.Length < 5 || b.Length < 5) return false;
        var n = 0;
        var max = Math.Min(a.Length, b.Length);
        while (n < max && a[n] == b[n]) n++;
        return n >= 5 && n >= 0.75 * max;
    }
}
