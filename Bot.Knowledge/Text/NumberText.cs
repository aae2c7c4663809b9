namespace Bot.Knowledge.Text;

/// <summary>Numbers as text: "14,000" and "14 000" compare equal once their digit groups are joined.</summary>
public static partial class NumberText
{
    /// <summary>Removes the comma or space between digit groups: "cut 14,000 jobs" -> "cut 14000 jobs".</summary>
    public static string JoinDigitGroups(string text) => DigitGroupSeparator().Replace(text, "");

    [GeneratedRegex(@"(?<=\d)[, ](?=\d{3}\b)")]
    private static partial Regex DigitGroupSeparator();
}
