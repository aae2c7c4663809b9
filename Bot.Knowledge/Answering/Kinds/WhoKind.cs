using static Bot.Knowledge.Answering.AnswerWording;

namespace Bot.Knowledge.Answering.Kinds;

/// <summary>
/// "Who sent the memo?", "who is running Spotify day to day?", "IBM's CEO?": the named people of the
/// round's sentences, the one whose sentence best answers the part's focus first.
/// </summary>
public sealed partial class WhoKind : IFactKind
{
    public string Name => "who";

    public bool AppliesTo(QuestionPart part) => Cue().IsMatch(part.Text.ToLowerInvariant());

    public KindOutcome Write(FactContext c, AnswerDraft draft)
    {
        // People named with a title somewhere in the round are recognised by surname elsewhere ("Houston said he ...").
        var people = c.Pool.SelectMany(s => s.Facts.People).DistinctBy(p => p.Name).ToList();
        if (people.Count == 0)
        {
            // No sentence names anyone: a person can't be read from the rest, so say so rather than quote at large.
            draft.Say($"I don't know: the articles I have on {c.Name}{c.PeriodSuffix} don't name the person.");
            return KindOutcome.Declined;
        }
        IReadOnlyList<PersonMention> Named(CandidateSentence s) => s.Facts.People.Count > 0 ? s.Facts.People
            : people.Where(p => Regex.IsMatch(s.Text, $@"\b{Regex.Escape(p.Name.Split(' ')[^1])}\b")).ToList();
        var withPeople = c.Pool.Where(s => Named(s).Count > 0).ToList();
        // With no focus of its own, "who" asks who announced the round; with one, who did what the focus says.
        var announcing = c.Part.Focus.Count == 0;
        var ranked = c.Rank(withPeople,
            s => 0.3 * s.Retrieval + (announcing && AnnounceWord(s.Text) ? 0.4 : 0) + (s.Facts.HasLayoffCue ? 0.2 : 0));
        var best = ranked[0].Sentence;
        var names = Named(best).Select(p => p.Title is null ? p.Name : $"{p.Name} ({p.Title})").ToList();
        var subject = string.Join(" and ", names.Take(3));
        var verb = c.Part.Focus.Count == 0 && AnnounceWord(best.Text) ? $"announced {c.Name}'s layoffs{When(best)}"
            : $"is who the sources name{When(best)}";
        draft.Say($"{subject} {verb}: {draft.Inline(best)}.");
        // A second source naming someone else for the same focus is worth showing.
        var other = ranked.Skip(1).FirstOrDefault(r => r.Lexical > 0 && r.Lexical >= ranked[0].Lexical
            && Named(r.Sentence).Any(p => Named(best).All(b => b.Name != p.Name)));
        if (other is not null) draft.Say($"Also: {draft.Inline(other.Sentence)}.");
        return KindOutcome.Answered;
    }

    // "who" as the question ("who sent it?", "stripe layoffs - who said ...") and not as a relative pronoun ("staff who can't be
    // retrained").
    [GeneratedRegex(@"(?:^|[,:;?!\-–—(]\s*|\b(?:and|but|so|or|then|also)\s+)(?:who|whose)\b|\bwhich (?:exec|executive|person|boss|leader|" +
        @"manager)\w*|\b(?:ceo|cfo|coo|boss|founder)(?:'s)? name\b|\bname of the\b|\bwhat(?:'s| is| was) (?:the|his|her) name\b")] private
        static partial Regex Cue();
}
