using System.Buffers.Binary;
using System.Net;

namespace Swssbox.Netlink;

/// <summary>An RTM_NEWNEIGH/RTM_DELNEIGH: struct ndmsg, destination and link-layer address.</summary>
public sealed record NeighbourMessage(bool Deleted, byte Family, int Index, ushort State, IPAddress? Destination, byte[]? LinkLayer)
{
    private const int NdaDst = 1, NdaLladdr = 2;

    /// <summary>The link-layer address as libnl prints it (lower-case hex, ':'-separated), or null.</summary>
    public string? LinkLayerText => LinkLayer is null ? null : AddressText.Mac(LinkLayer);

    /// <summary>Parses a neighbour message; null when it is not one.</summary>
    public static NeighbourMessage? Parse(NetlinkMessage message)
    {
        if (message.Type is not (RtmType.NewNeigh or RtmType.DelNeigh))
            return null;
        // struct ndmsg { u8 family; u8 pad1; u16 pad2; s32 ifindex; u16 state; u8 flags; u8 type; }
        var p = message.Payload;
        if (p.Length < 12)
            return null;
        byte family = p[0];
        IPAddress? destination = null;
        byte[]? linkLayer = null;
        foreach (var a in new RtAttributeReader(p[12..]))
        {
            if (a.Type == NdaDst && AddressText.TryRead(family, a.Value, out var d))
                destination = d;
            else if (a.Type == NdaLladdr)
                linkLayer = a.Value.ToArray();
        }
        return new NeighbourMessage(message.Type == RtmType.DelNeigh, family,
            BinaryPrimitives.ReadInt32LittleEndian(p[4..]), BinaryPrimitives.ReadUInt16LittleEndian(p[8..]), destination, linkLayer);
    }
}
