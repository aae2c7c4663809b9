using System.Security.Cryptography;

namespace Bot.Knowledge.Storage;

/// <summary>
/// Bounds the values LiteDB indexes: an index key over 1,023 bytes is refused and used to reject the
/// whole file it came from (a long company name, employer, URL or path). The whole value is kept in
/// its own field; the key is the value itself when short, else its start and a hash of all of it.
/// </summary>
public static class IndexKeys
{
    /// <summary>Small enough that ids joining two keys (company and location) stay far below LiteDB's limit.</summary>
    public const int MaxBytes = 256;

    private const int PrefixChars = 120;

    public static string Bounded(string value)
    {
        if (Encoding.UTF8.GetByteCount(value) <= MaxBytes) return value;
        var cut = PrefixChars;
        if (char.IsHighSurrogate(value[cut - 1])) cut--; // never split a surrogate pair
        return $"{value[..cut]}#sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";
    }
}
