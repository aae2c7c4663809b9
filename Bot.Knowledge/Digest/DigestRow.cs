using Bot.Knowledge.Answering;
using Bot.Knowledge.LayoffData;

namespace Bot.Knowledge.Digest;

/// <summary>
/// A layoffs.fyi row dated in the period (a row, not a merged round), with a one-line reason quoted from an article
/// when one was found.
/// </summary>
public sealed record DigestRow(string Company, int? Count, double? Percentage, DateOnly Date, DataCitation Citation, DigestReason? Reason);
