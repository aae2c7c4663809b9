namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// The passages shown to the model for one question, numbered from 1 in the order it saw them (the
/// prompt first, then tool results). Quotes cite these numbers; a passage seen twice keeps its number.
/// </summary>
internal sealed class PassageCatalog
{
    private readonly Lock _lock = new();
    private readonly List<RetrievedPassage> _passages = [];

    /// <summary>Adds the passage if new and returns its number.</summary>
    public int Add(RetrievedPassage passage)
    {
        lock (_lock)
        {
            var existing = _passages.FindIndex(p => p.Document.Id == passage.Document.Id && p.Start == passage.Start && p.End
                == passage.End);
            if (existing >= 0) return existing + 1;
            _passages.Add(passage);
            return _passages.Count;
        }
    }

    public RetrievedPassage? Get(int number)
    {
        lock (_lock) return number >= 1 && number <= _passages.Count ? _passages[number - 1] : null;
    }

    public int Count
    {
        get { lock (_lock) return _passages.Count; }
    }
}
