namespace Bot.Knowledge.Answering;

/// <summary>US state names and codes, for WARN questions ("in Washington", "in WA").</summary>
public static class UsStates
{
    private static readonly (string Code, string Name)[] All =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
            ("CT", "Connecticut"),
        ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"),
            ("IA", "Iowa"),
        ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
            ("MI", "Michigan"),
        ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
            ("NH", "New Hampshire"),
        ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
            ("OK", "Oklahoma"),
        ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
            ("TN", "Tennessee"), ("TX", "Texas"),
        ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"),
            ("WY", "Wyoming"),
    ];

    /// <summary>The two-letter code of the state a question names, or null. Full names match any case; codes only in upper case.</summary>
    public static string? Find(string text)
    {
        foreach (var (code, name) in All.OrderByDescending(s => s.Name.Length))
            if (System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{name}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                return code;
        foreach (var (code, _) in All)
            if (code != "IN" && code != "OR" && code != "ME" && System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{code}\b")) return
                code;
        return null;
    }
}
