namespace Bot.Knowledge.Companies;

/// <summary>Optimal-string-alignment distance check, limited to "one edit": insert, delete, substitute or swap two neighbours.</summary>
public static class EditDistance
{
    public static bool IsWithinOne(string a, string b)
    {
        if (a == b) return true;
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length == b.Length)
        {
            var diffs = new List<int>();
            for (var i = 0; i < a.Length && diffs.Count <= 2; i++) if (a[i] != b[i]) diffs.Add(i);
            if (diffs.Count == 1) return true;
            return diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]];
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        int s = 0, l = 0, edits = 0;
        while (s < shorter.Length && l < longer.Length)
        {
            if (shorter[s] == longer[l]) { s++; l++; continue; }
            if (++edits > 1) return false;
            l++;
        }
        return true;
    }
}
