namespace Bot.Host.Chat;

/// <summary>Maps a verified <see cref="Answer"/> into the neutral <see cref="ChatReply"/>.</summary>
internal static class ChatReplyMapper
{
    public static ChatReply FromAnswer(Answer answer)
    {
        var quotes = answer.Citations
            .Where(c => c.Verified)
            .Select(c => new ChatQuote(c.N, c.Quote, new ChatSource(c.Title, c.Url, c.Publisher, c.Published)))
            .ToList();
        var lines = answer.DataCitations
            .Where(d => d.Verified)
            .Select(d => $"[{d.N}] {d.Row} ({d.Dataset}, {Path.GetFileName(d.File)} line {d.Line}){(d.Url is null ? "" : " " + d.Url)}")
            .ToList();
        return new ChatReply
        {
            Text = answer.Text,
            Quotes = quotes,
            Lines = lines,
            NoAnswer = answer.NoAnswer,
            Mode = answer.Mode,
        };
    }
}
