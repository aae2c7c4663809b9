using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Events;

/// <summary>The answer verifier's check for data citations: the cited row must be the stored row, rendered the same.</summary>
internal sealed class DataRowVerifier(LayoffEventQueries queries) : IDataRowVerifier
{
    public bool Verify(DataCitation citation) => queries.VerifyRow(citation);
}
