using System.Buffers.Binary;

namespace Swssbox.Netlink;

/// <summary>One netlink message in a received datagram: its header fields and payload (after the 16-byte nlmsghdr).</summary>
public readonly ref struct NetlinkMessage(RtmType type, ushort flags, uint sequence, ReadOnlySpan<byte> payload)
{
    /// <summary>nlmsghdr length.</summary>
    public const int HeaderLength = 16;

    /// <summary>nlmsg_type.</summary>
    public RtmType Type { get; } = type;

    /// <summary>nlmsg_flags.</summary>
    public ushort Flags { get; } = flags;

    /// <summary>nlmsg_seq (0 for multicast notifications).</summary>
    public uint Sequence { get; } = sequence;

    /// <summary>The bytes after the header.</summary>
    public ReadOnlySpan<byte> Payload { get; } = payload;

    /// <summary>For an NLMSG_ERROR message: the (negative) errno, 0 for an ack.</summary>
    public int ErrorCode => Payload.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(Payload) : 0;

    /// <summary>NLMSG_ALIGN: messages and attributes are padded to 4 bytes.</summary>
    public static int Align(int length) => (length + 3) & ~3;
}

/// <summary>Walks the messages of one datagram; a truncated tail ends the walk.</summary>
public ref struct NetlinkMessageReader(ReadOnlySpan<byte> datagram)
{
    private ReadOnlySpan<byte> _rest = datagram;

    /// <summary>The current message after <see cref="MoveNext"/>.</summary>
    public NetlinkMessage Current { get; private set; }

    /// <summary>Advances; false at the end.</summary>
    public bool MoveNext()
    {
        if (_rest.Length < NetlinkMessage.HeaderLength)
            return false;
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(_rest);
        if (length < NetlinkMessage.HeaderLength || length > _rest.Length)
            return false;
        var type = (RtmType)BinaryPrimitives.ReadUInt16LittleEndian(_rest[4..]);
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(_rest[6..]);
        uint seq = BinaryPrimitives.ReadUInt32LittleEndian(_rest[8..]);
        Current = new NetlinkMessage(type, flags, seq, _rest[NetlinkMessage.HeaderLength..length]);
        int next = Math.Min(NetlinkMessage.Align(length), _rest.Length);
        _rest = _rest[next..];
        return true;
    }

    /// <summary>For foreach.</summary>
    public readonly NetlinkMessageReader GetEnumerator() => this;
}
