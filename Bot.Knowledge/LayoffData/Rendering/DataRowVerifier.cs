namespace Bot.Knowledge.LayoffData;

/// <summary>Checks a cited data row against the stored row it claims to render (layoffs.fyi, WARN).</summary>
public interface IDataRowVerifier
{
    bool Verify(DataCitation citation);
}

/// <summary>The answer verifier's check for data citations: the cited row must be the stored row, rendered the same.</summary>
internal sealed class DataRowVerifier(LayoffDataQueries queries) : IDataRowVerifier
{
    public bool Verify(DataCitation citation) => queries.VerifyRow(citation);
}
