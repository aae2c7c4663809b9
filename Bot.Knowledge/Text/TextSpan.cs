namespace Bot.Knowledge.Text;

/// <summary>A character range [Start, End) of a stored text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public string Of(string text) => text.Substring(Start, End - Start);
}
