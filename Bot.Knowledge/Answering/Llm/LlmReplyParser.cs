using System.Text.Json;

namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Reads the model's JSON reply. Tolerates what models wrap around JSON (code fences, a sentence before
/// it); anything else that is not the asked-for shape is malformed and returns null.
/// </summary>
internal static class LlmReplyParser
{
    public static LlmReply? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        var start = content.IndexOf('{');
        var end = content.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            using var json = JsonDocument.Parse(content[start..(end + 1)]);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("answer", out var answer) || answer.ValueKind != JsonValueKind.String) return null;
            var quotes = new List<LlmQuote>();
            if (root.TryGetProperty("quotes", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array) return null;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) return null;
                    if (!item.TryGetProperty("quote", out var quote) || quote.ValueKind != JsonValueKind.String) return null;
                    if (!item.TryGetProperty("passage", out var passage) || PassageNumber(passage) is not { } n) return null;
                    quotes.Add(new LlmQuote(n, quote.GetString()!));
                }
            }
            return new LlmReply(answer.GetString()!, quotes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>3, "3" or "[3]".</summary>
    private static int? PassageNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(e.GetString()!.Trim('[', ']', ' '), NumberStyles.None, CultureInfo.InvariantCulture,
            out var n) => n,
        _ => null,
    };
}

/// <summary>The model's reply as asked for: a short answer citing passages as [n], and the quotes it rests on.</summary>
internal sealed record LlmReply(string Answer, IReadOnlyList<LlmQuote> Quotes);

/// <summary>A quote as the model gave it: text it says is verbatim in passage number <see cref="Passage"/>.</summary>
internal sealed record LlmQuote(int Passage, string Quote);
