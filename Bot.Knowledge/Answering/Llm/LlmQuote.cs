namespace Bot.Knowledge.Answering.Llm;

/// <summary>A quote as the model gave it: text it says is verbatim in passage number <see cref="Passage"/>.</summary>
internal sealed record LlmQuote(int Passage, string Quote);
