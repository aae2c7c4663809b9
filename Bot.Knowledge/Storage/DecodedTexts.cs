using System.Runtime.CompilerServices;

namespace Bot.Knowledge.Storage;

/// <summary>
/// A small cache of UTF-8 texts decoded to strings, keyed by the byte array itself (a record given a new text gets a
/// new array, so an entry can never be stale). Entries are swapped whole, so readers on any thread see a whole one.
/// </summary>
internal static class DecodedTexts
{
    private const int Slots = 512;
    private static readonly Entry?[] Cache = new Entry?[Slots];

    private sealed record Entry(byte[] Utf8, string Text);

    public static string Of(byte[] utf8)
    {
        if (utf8.Length == 0) return "";
        var slot = RuntimeHelpers.GetHashCode(utf8) & (Slots - 1);
        if (Volatile.Read(ref Cache[slot]) is { } hit && ReferenceEquals(hit.Utf8, utf8)) return hit.Text;
        var text = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref Cache[slot], new Entry(utf8, text));
        return text;
    }
}
