using System.Text.RegularExpressions;
using Bot.Knowledge.Companies;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Understands loosely typed questions ("msft layoffs may 2025 how many?"): the companies (aliases,
/// one-letter typos), the period ("in 2023", "jan 2023", "last October", "this year" on the injected
/// clock) and the kinds of fact asked for. Follow-ups without a subject take it from the thread.
/// </summary>
public sealed partial class QuestionParser(CompanyCatalog companies, TimeProvider time)
{
    private static readonly string[] Questionwords = ["how", "many", "much", "what", "which", "who", "why", "when", "did", "does", "do", "was", "were", "is", "are"];

    public ParsedQuestion Parse(string question, IReadOnlyList<ConversationTurn>? history = null)
    {
        var text = question.Trim();
        var lower = text.ToLowerInvariant();
        var found = companies.FindInQuestion(text);
        var period = ParsePeriod(lower);
        var kinds = ParseKinds(lower, found.Count);
        var inherited = false;

        if (history is { Count: > 0 } && (found.Count == 0 || period is null))
        {
            // "and why?" after "how many roles did Amazon cut in 2023?" keeps Amazon and 2023.
            var previous = history[^1].Question;
            var previousCompanies = companies.FindInQuestion(previous);
            if (found.Count == 0 && previousCompanies.Count > 0 && !kinds.HasFlag(QuestionKind.List))
            {
                found = previousCompanies;
                inherited = true;
                period ??= ParsePeriod(previous.ToLowerInvariant());
            }
        }

        if (kinds == QuestionKind.None) kinds = QuestionKind.Count | QuestionKind.Reason;
        var companyWords = found.SelectMany(c => c.ToLowerInvariant().Split(' ')).ToHashSet();
        var topic = Tokenizer.Tokenize(lower).Where(t => !companyWords.Contains(t) && !Questionwords.Contains(t)).ToList();
        return new ParsedQuestion
        {
            Text = text,
            Companies = found,
            Period = period,
            Kinds = kinds,
            Topic = topic,
            InheritedSubject = inherited,
        };
    }

    private static QuestionKind ParseKinds(string q, int companyCount)
    {
        var kinds = QuestionKind.None;
        if (CountCue().IsMatch(q)) kinds |= QuestionKind.Count;
        if (PercentCue().IsMatch(q)) kinds |= QuestionKind.Percent;
        if (ReasonCue().IsMatch(q)) kinds |= QuestionKind.Reason;
        if (DateCue().IsMatch(q)) kinds |= QuestionKind.Date;
        if (WhoCue().IsMatch(q)) kinds |= QuestionKind.Who;
        if (ListCue().IsMatch(q)) kinds |= QuestionKind.List;
        if (CompareCue().IsMatch(q) || (companyCount >= 2 && !kinds.HasFlag(QuestionKind.List))) kinds |= QuestionKind.Compare;
        // "what % of staff" asks for a percentage, not a head count.
        if (kinds.HasFlag(QuestionKind.Percent) && !HowMany().IsMatch(q)) kinds &= ~QuestionKind.Count;
        return kinds;
    }

    public QuestionPeriod? ParsePeriod(string q)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quarter = QuarterPattern().Match(q);
        if (quarter.Success)
        {
            var y = int.Parse(quarter.Groups["y"].Value);
            var n = int.Parse(quarter.Groups["q"].Value);
            var from = new DateTime(y, (n - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
            return new QuestionPeriod(from, from.AddMonths(3), $"Q{n} {y}");
        }
        var monthYear = MonthYearPattern().Match(q);
        if (monthYear.Success && DateExpressions.TryMonth(monthYear.Groups["m"].Value, out var month))
        {
            var y = int.Parse(monthYear.Groups["y"].Value);
            var from = new DateTime(y, month, 1, 0, 0, 0, DateTimeKind.Utc);
            return new QuestionPeriod(from, from.AddMonths(1), from.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
        var relativeMonth = RelativeMonthPattern().Match(q);
        if (relativeMonth.Success && DateExpressions.TryMonth(relativeMonth.Groups["m"].Value, out var rm))
        {
            var y = relativeMonth.Groups["rel"].Value == "this" ? now.Year : (rm < now.Month ? now.Year : now.Year - 1);
            if (relativeMonth.Groups["rel"].Value == "last" && rm == now.Month) y = now.Year - 1;
            var from = new DateTime(y, rm, 1, 0, 0, 0, DateTimeKind.Utc);
            return new QuestionPeriod(from, from.AddMonths(1), from.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (ThisYear().IsMatch(q)) return YearPeriod(now.Year);
        if (LastYear().IsMatch(q)) return YearPeriod(now.Year - 1);
        var since = SincePattern().Match(q);
        if (since.Success)
        {
            var y = int.Parse(since.Groups["y"].Value);
            return new QuestionPeriod(new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc), now.Date.AddDays(1), $"since {y}");
        }
        var years = YearPattern().Matches(q).Select(m => int.Parse(m.Value)).Distinct().Order().ToList();
        if (years.Count == 1) return YearPeriod(years[0]);
        if (years.Count >= 2)
            return new QuestionPeriod(new DateTime(years[0], 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(years[^1] + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc), $"{years[0]}–{years[^1]}");
        return null;
    }

    private static QuestionPeriod YearPeriod(int year) =>
        new(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc), year.ToString());

    [GeneratedRegex(@"\bhow many\b|\bnumber of\b|\bhow big\b|\bhead ?count\b|\bhow large\b|\bfigure\b|\btotal\b|\bhow much\b")] private static partial Regex CountCue();
    [GeneratedRegex(@"\bhow many\b|\bnumber of\b|\bhead ?count\b")] private static partial Regex HowMany();
    [GeneratedRegex(@"%|\bpercent|\bper cent\b|\bpercentage\b|\bshare of\b|\bportion\b|\bfraction\b|\bproportion\b")] private static partial Regex PercentCue();
    [GeneratedRegex(@"\bwhy\b|\breasons?\b|\breasoning\b|\bblame\w*\b|\bcause\w*\b|\bbecause\b|\bwhat led\b|\bmotivat\w*|\brationale\b|\bjustif\w*|\bexplain\w*|\bcite[ds]?\b|\bciting\b")] private static partial Regex ReasonCue();
    [GeneratedRegex(@"\bwhen\b|\bwhat date\b|\bwhich date\b|\bwhat day\b|\bwhich day\b")] private static partial Regex DateCue();
    [GeneratedRegex(@"\bwho\b|\bwhich (?:exec|executive|person|boss|leader)\w*|\bwhose\b")] private static partial Regex WhoCue();
    [GeneratedRegex(@"\bwhich (?:companies|firms|tech companies|employers|big tech)\b|\bwhat (?:companies|firms)\b|\blist\b|\btop \d+\b|\bthe most\b|\bcut the most\b")] private static partial Regex ListCue();
    [GeneratedRegex(@"\bcompare\w*\b|\bvs\.?\b|\bversus\b|\bdifference between\b")] private static partial Regex CompareCue();
    [GeneratedRegex(@"\bq(?<q>[1-4])\s*(?<y>(?:19|20)\d\d)\b")] private static partial Regex QuarterPattern();
    [GeneratedRegex(@"\b(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y>(?:19|20)\d\d)\b")] private static partial Regex MonthYearPattern();
    [GeneratedRegex(@"\b(?<rel>last|this|in)\s+(?<m>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")] private static partial Regex RelativeMonthPattern();
    [GeneratedRegex(@"\bthis year\b|\bso far this year\b|\byear to date\b|\bytd\b")] private static partial Regex ThisYear();
    [GeneratedRegex(@"\blast year\b")] private static partial Regex LastYear();
    [GeneratedRegex(@"\bsince\s+(?<y>(?:19|20)\d\d)\b")] private static partial Regex SincePattern();
    [GeneratedRegex(@"\b(?:19|20)\d\d\b")] private static partial Regex YearPattern();
}
