using System.Net;
using System.Net.Sockets;

namespace Bot.Knowledge.Ingestion;

/// <summary>Which IP addresses URL ingestion may connect to: public ones only, unless private addresses are allowed.</summary>
public static class AddressPolicy
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsPrivateIPv4(address.GetAddressBytes());
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast) return true;
        var bytes = address.GetAddressBytes();
        // NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215) places the IPv4 address anywhere: refuse the whole prefix.
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4] == 0x00 && bytes[5] == 0x01) return
            true;
        // A router or translator may deliver these to the embedded IPv4 address, so that address decides.
        return EmbeddedIPv4(bytes).Any(IsPrivateIPv4);
    }

    /// <summary>The IPv4 addresses an IPv6 address carries in the standard embeddings.</summary>
    private static IEnumerable<byte[]> EmbeddedIPv4(byte[] v6)
    {
        var last4 = v6[12..16];
        if (AllZero(v6, 0, 10) && ((v6[10] == 0xff && v6[11] == 0xff) || (v6[10] == 0 && v6[11] == 0)))
            yield return last4; // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
        if (AllZero(v6, 0, 8) && v6[8] == 0xff && v6[9] == 0xff && v6[10] == 0 && v6[11] == 0)
            yield return last4; // IPv4-translated ::ffff:0:a.b.c.d (RFC 2765)
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && AllZero(v6, 4, 8))
            yield return last4; // NAT64 well-known prefix 64:ff9b::/96
        if (v6[0] == 0x20 && v6[1] == 0x02)
            yield return v6[2..6]; // 6to4 2002:a.b.c.d::/48
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x00 && v6[3] == 0x00)
        {
            yield return v6[4..8]; // Teredo server
            yield return [(byte)~v6[12], (byte)~v6[13], (byte)~v6[14], (byte)~v6[15]]; // Teredo client, obfuscated
        }
        if ((v6[8] & 0xfd) == 0x00 && v6[9] == 0x00 && v6[10] == 0x5e && v6[11] == 0xfe)
            yield return last4; // ISATAP interface identifier ::0:5efe:a.b.c.d
    }

    private static bool AllZero(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++) if (bytes[i] != 0) return false;
        return true;
    }

    private static bool IsPrivateIPv4(byte[] b) =>
        b[0] == 10 || b[0] == 127 || b[0] == 0
        || (b[0] == 172 && b[1] is >= 16 and <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 169 && b[1] == 254)              // link-local, cloud metadata
        || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
        || b[0] >= 224;                               // multicast and reserved
}
