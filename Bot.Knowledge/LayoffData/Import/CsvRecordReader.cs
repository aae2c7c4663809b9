namespace Bot.Knowledge.LayoffData;

/// <summary>
/// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. Each record carries the
/// physical line it starts on, so a cited row can be found in the file with any editor.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads every record of a file; a UTF-8 byte order mark is dropped.</summary>
    public static IEnumerable<CsvRecord> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var record in Read(reader)) yield return record;
    }

    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var atFieldStart = true;
        var any = false;
        var first = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (first)
            {
                first = false;
                if (ch == '\uFEFF') continue;
            }
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    atFieldStart = false;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }
                    fields.Clear();
                    field.Clear();
                    atFieldStart = true;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}

/// <summary>One CSV record: its fields and the 1-based physical line on which it starts.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
