namespace Bot.Knowledge.Answering.Llm;

/// <summary>The model's reply as asked for: a short answer citing passages as [n], and the quotes it rests on.</summary>
internal sealed record LlmReply(string Answer, IReadOnlyList<LlmQuote> Quotes);
