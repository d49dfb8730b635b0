using Swssbox.Netlink;

namespace Swssbox.Tests.Unit.Netlink;

/// <summary>Exact rtnetlink bytes (as the kernel sends them on x86_64) through our parsers.</summary>
public sealed class MessageParsingTests
{
    private static byte[] Message(RtmType type, byte[] header, params (ushort Type, byte[] Value)[] attributes)
    {
        var body = new List<byte>(header);
        foreach (var (t, v) in attributes)
        {
            int len = 4 + v.Length;
            body.AddRange(BitConverter.GetBytes((ushort)len));
            body.AddRange(BitConverter.GetBytes(t));
            body.AddRange(v);
            while (body.Count % 4 != 0)
                body.Add(0);
        }
        var all = new List<byte>();
        all.AddRange(BitConverter.GetBytes((uint)(16 + body.Count)));
        all.AddRange(BitConverter.GetBytes((ushort)type));
        all.AddRange(BitConverter.GetBytes((ushort)0));
        all.AddRange(BitConverter.GetBytes(0u));
        all.AddRange(BitConverter.GetBytes(0u));
        all.AddRange(body);
        return all.ToArray();
    }

    private static T Single<T>(byte[] datagram, Func<NetlinkMessage, T?> parse) where T : class
    {
        T? found = null;
        foreach (var m in new NetlinkMessageReader(datagram))
            found = parse(m);
        return found!;
    }

    [Fact]
    public void Link_message_gives_name_flags_mtu_and_kind()
    {
        byte[] ifinfo = [0, 0, 1, 0, 7, 0, 0, 0, 0x41, 0x10, 0, 0, 0, 0, 0, 0]; // index 7, IFF_UP|IFF_RUNNING|IFF_LOWER_UP
        byte[] kind = [9, 0, 1, 0, (byte)'v', (byte)'e', (byte)'t', (byte)'h', 0, 0, 0, 0]; // nested IFLA_INFO_KIND "veth"
        var raw = Message(RtmType.NewLink, ifinfo, (3, "Ethernet0\0"u8.ToArray()), (4, BitConverter.GetBytes(9100u)), (18, kind));
        var link = Single(raw, LinkMessage.Parse);
        Assert.Equal(("Ethernet0", 7, 9100u, "veth", true, true, false), (link.Name, link.Index, link.Mtu, link.Kind, link.AdminUp, link.OperUp, link.Deleted));
    }

    [Fact]
    public void Address_message_prints_as_libnl_does()
    {
        byte[] ifaddr = [2, 24, 0, 0, 3, 0, 0, 0];
        var v4 = Single(Message(RtmType.NewAddr, ifaddr, (1, [192, 0, 2, 1]), (2, [192, 0, 2, 1])), AddressMessage.Parse);
        Assert.Equal("192.0.2.1/24", v4.Text);
        byte[] ifaddr6 = [10, 128, 0, 0, 3, 0, 0, 0];
        byte[] a6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        var v6 = Single(Message(RtmType.DelAddr, ifaddr6, (1, a6)), AddressMessage.Parse);
        Assert.Equal(("2001:db8::1", true), (v6.Text, v6.Deleted));
    }

    [Fact]
    public void Neighbour_message_gives_destination_mac_and_state()
    {
        byte[] nd = [2, 0, 0, 0, 5, 0, 0, 0, 0x02, 0, 0, 1]; // ifindex 5, NUD_REACHABLE
        var n = Single(Message(RtmType.NewNeigh, nd, (1, [198, 51, 100, 7]), (2, [0x02, 0xAB, 0, 0, 0, 0x0c])), NeighbourMessage.Parse);
        Assert.Equal(("198.51.100.7", "02:ab:00:00:00:0c", 5, (ushort)2), (n.Destination!.ToString(), n.LinkLayerText, n.Index, n.State));
    }

    [Fact]
    public void A_truncated_message_ends_the_walk()
    {
        var raw = Message(RtmType.NewNeigh, new byte[12]);
        int count = 0;
        foreach (var _ in new NetlinkMessageReader(raw.AsSpan(0, raw.Length - 1)))
            count++;
        Assert.Equal(0, count);
    }
}
