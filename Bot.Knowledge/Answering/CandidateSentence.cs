namespace Bot.Knowledge.Answering;

/// <summary>A sentence of a retrieved passage, with its facts and how well its passage matched.</summary>
public sealed record CandidateSentence(DocumentRecord Document, TextSpan Span, string Text, SentenceFacts Facts, double Retrieval,
    double Overlap)
{
    public string Company => Document.Companies.FirstOrDefault() ?? "";
    public string Key => $"{Document.Id}:{Span.Start}";
}
