using System.Buffers.Binary;

namespace Swssbox.Netlink;

/// <summary>An RTM_NEWLINK/RTM_DELLINK: struct ifinfomsg plus the attributes the daemons use.</summary>
public sealed record LinkMessage(bool Deleted, int Index, uint Flags, string Name, uint Mtu, int Master, string? Kind, uint? CarrierChanges)
{
    private const int IflaIfname = 3, IflaMtu = 4, IflaMaster = 10, IflaLinkinfo = 18, IflaInfoKind = 1, IflaCarrierChanges = 35;

    /// <summary>IFF_UP.</summary>
    public bool AdminUp => (Flags & Rtnl.IffUp) != 0;

    /// <summary>IFF_RUNNING.</summary>
    public bool OperUp => (Flags & Rtnl.IffRunning) != 0;

    /// <summary>Parses a link message; null when it is not one or is too short.</summary>
    public static LinkMessage? Parse(NetlinkMessage message)
    {
        if (message.Type is not (RtmType.NewLink or RtmType.DelLink))
            return null;
        // struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; }
        var p = message.Payload;
        if (p.Length < 16)
            return null;
        int index = BinaryPrimitives.ReadInt32LittleEndian(p[4..]);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(p[8..]);
        string name = "";
        uint mtu = 0;
        int master = 0;
        string? kind = null;
        uint? carrierChanges = null;
        foreach (var a in new RtAttributeReader(p[16..]))
        {
            switch (a.Type)
            {
                case IflaIfname: name = a.AsString(); break;
                case IflaMtu: mtu = a.AsUInt32(); break;
                case IflaMaster: master = (int)a.AsUInt32(); break;
                case IflaCarrierChanges: carrierChanges = a.AsUInt32(); break;
                case IflaLinkinfo:
                    foreach (var info in a.Nested())
                    {
                        if (info.Type == IflaInfoKind)
                            kind = info.AsString();
                    }
                    break;
            }
        }
        return new LinkMessage(message.Type == RtmType.DelLink, index, flags, name, mtu, master, kind, carrierChanges);
    }
}
