using System.Net;
using System.Net.Sockets;

namespace Bot.Knowledge.Ingestion;

/// <summary>Which IP addresses URL ingestion may connect to: public ones only, unless private addresses are allowed.</summary>
public static class AddressPolicy
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0
               || (b[0] == 172 && b[1] is >= 16 and <= 31)
               || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254)              // link-local, cloud metadata
               || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
               || b[0] >= 224;                               // multicast and reserved
    }
}
