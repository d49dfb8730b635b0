using System.Buffers.Binary;
using System.Net;

namespace Swssbox.Netlink;

/// <summary>An RTM_NEWADDR/RTM_DELADDR: struct ifaddrmsg and the local address.</summary>
public sealed record AddressMessage(bool Deleted, byte Family, byte PrefixLength, byte Scope, int Index, IPAddress Address)
{
    private const int IfaAddress = 1, IfaLocal = 2;

    /// <summary>The address as libnl's nl_addr2str prints it: "/len" only when shorter than the full address.</summary>
    public string Text => AddressText.WithPrefix(Address, PrefixLength);

    /// <summary>Parses an address message; null when it is not one or lacks an address.</summary>
    public static AddressMessage? Parse(NetlinkMessage message)
    {
        if (message.Type is not (RtmType.NewAddr or RtmType.DelAddr))
            return null;
        // struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }
        var p = message.Payload;
        if (p.Length < 8)
            return null;
        byte family = p[0];
        IPAddress? address = null, local = null;
        foreach (var a in new RtAttributeReader(p[8..]))
        {
            if (a.Type == IfaAddress && AddressText.TryRead(family, a.Value, out var v))
                address = v;
            else if (a.Type == IfaLocal && AddressText.TryRead(family, a.Value, out var l))
                local = l;
        }
        // IFA_LOCAL is the interface's own address (differs from IFA_ADDRESS only on point-to-point links);
        // libnl's rtnl_addr_get_local falls back to IFA_ADDRESS, as for IPv6.
        var chosen = local ?? address;
        if (chosen is null)
            return null;
        return new AddressMessage(message.Type == RtmType.DelAddr, family, p[1], p[3], (int)BinaryPrimitives.ReadUInt32LittleEndian(p[4..]), chosen);
    }
}
