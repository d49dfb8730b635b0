using System.Net;

namespace Swssbox.Netlink;

/// <summary>Addresses in the text forms libnl (nl_addr2str) gives them, which SONiC uses verbatim as keys.</summary>
public static class AddressText
{
    /// <summary>Reads a 4- or 16-byte address of <paramref name="family"/>.</summary>
    public static bool TryRead(byte family, ReadOnlySpan<byte> bytes, out IPAddress address)
    {
        if ((family == Rtnl.AfInet && bytes.Length == 4) || (family == Rtnl.AfInet6 && bytes.Length == 16))
        {
            address = new IPAddress(bytes);
            return true;
        }
        address = IPAddress.None;
        return false;
    }

    /// <summary>"addr/len", or just "addr" when len is the full address length (nl_addr2str does the same).</summary>
    public static string WithPrefix(IPAddress address, int prefixLength)
    {
        int full = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        string text = address.ToString();
        return prefixLength == full ? text : text + "/" + prefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"aa:bb:cc:dd:ee:ff".</summary>
    public static string Mac(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return "none";
        return string.Join(':', bytes.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>IN6_IS_ADDR_LINKLOCAL: fe80::/10.</summary>
    public static bool IsIpv6LinkLocal(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal;

    /// <summary>IN6_IS_ADDR_MC_LINKLOCAL: ff02::/16 (scope 2 multicast).</summary>
    public static bool IsIpv6MulticastLinkLocal(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return false;
        var b = address.GetAddressBytes();
        return b[0] == 0xff && (b[1] & 0x0f) == 0x02;
    }
}
