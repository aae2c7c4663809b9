namespace Bot.Knowledge.Answering;

/// <summary>Checks a cited data row against the stored row it claims to render (layoffs.fyi, WARN).</summary>
public interface IDataRowVerifier
{
    bool Verify(DataCitation citation);
}
