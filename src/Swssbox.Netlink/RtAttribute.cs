using System.Buffers.Binary;
using System.Text;

namespace Swssbox.Netlink;

/// <summary>One rtattr: its type and value bytes.</summary>
public readonly ref struct RtAttribute(ushort type, ReadOnlySpan<byte> value)
{
    /// <summary>rta_type (NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off).</summary>
    public ushort Type { get; } = (ushort)(type & 0x3fff);

    /// <summary>The value bytes.</summary>
    public ReadOnlySpan<byte> Value { get; } = value;

    /// <summary>A NUL-terminated string value.</summary>
    public string AsString()
    {
        int end = Value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? Value : Value[..end]);
    }

    /// <summary>A host-order u32 value.</summary>
    public uint AsUInt32() => Value.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(Value) : 0;

    /// <summary>The attributes nested in this one.</summary>
    public RtAttributeReader Nested() => new(Value);
}

/// <summary>Walks a run of rtattrs; a malformed tail ends the walk.</summary>
public ref struct RtAttributeReader(ReadOnlySpan<byte> attributes)
{
    private ReadOnlySpan<byte> _rest = attributes;

    /// <summary>The current attribute after <see cref="MoveNext"/>.</summary>
    public RtAttribute Current { get; private set; }

    /// <summary>Advances; false at the end.</summary>
    public bool MoveNext()
    {
        if (_rest.Length < 4)
            return false;
        int length = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
        if (length < 4 || length > _rest.Length)
            return false;
        Current = new RtAttribute(BinaryPrimitives.ReadUInt16LittleEndian(_rest[2..]), _rest[4..length]);
        _rest = _rest[Math.Min(NetlinkMessage.Align(length), _rest.Length)..];
        return true;
    }

    /// <summary>For foreach.</summary>
    public readonly RtAttributeReader GetEnumerator() => this;
}
