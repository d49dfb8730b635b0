using System.Buffers.Binary;
using Swssbox.Native;

namespace Swssbox.Netlink;

/// <summary>Handles one message of a datagram.</summary>
public delegate void NetlinkHandler(NetlinkMessage message);

/// <summary>
/// A NETLINK_ROUTE socket: multicast notifications for the groups it was opened with, and dump requests
/// (RTM_GET* with NLM_F_DUMP) read to NLMSG_DONE. One thread uses it; nothing here blocks without a timeout.
/// </summary>
public sealed class NetlinkSocket : IDisposable
{
    // Large enough for the biggest dump datagram the kernel builds (it uses up to 32 KiB, more with big pages).
    private readonly byte[] _buffer = new byte[256 * 1024];
    private readonly NetlinkHandle _handle;
    private uint _sequence = (uint)Environment.TickCount;

    private NetlinkSocket(NetlinkHandle handle) => _handle = handle;

    /// <summary>
    /// Opens a socket joined to <paramref name="groups"/>. <paramref name="receiveBuffer"/> bytes of kernel queue
    /// absorb bursts (10,000 neighbours at once) while we wait on Redis.
    /// </summary>
    public static NetlinkSocket Open(RtnlGroups groups, int receiveBuffer = 32 * 1024 * 1024)
    {
        var handle = Libc.OpenNetlink(Rtnl.NetlinkRoute, (uint)groups);
        Libc.SetReceiveBuffer(handle, receiveBuffer);
        return new NetlinkSocket(handle);
    }

    /// <summary>
    /// Receives one datagram within <paramref name="timeoutMs"/> and hands each message to <paramref name="handler"/>.
    /// Returns the number of messages, 0 on timeout, or -1 when the kernel dropped notifications (ENOBUFS):
    /// the caller must dump again to resynchronise.
    /// </summary>
    public int Receive(int timeoutMs, NetlinkHandler handler)
    {
        int length = Libc.NetlinkReceive(_handle, _buffer, timeoutMs);
        if (length == -Libc.ENOBUFS)
            return -1;
        int count = 0;
        foreach (var message in new NetlinkMessageReader(_buffer.AsSpan(0, length)))
        {
            count++;
            handler(message);
        }
        return count;
    }

    /// <summary>
    /// Dumps every object of <paramref name="request"/> (RTM_GETLINK, RTM_GETADDR, RTM_GETNEIGH) of
    /// <paramref name="family"/>, handing each to <paramref name="handler"/>, until NLMSG_DONE. Use a socket
    /// without groups for this so notifications do not interleave.
    /// </summary>
    public void Dump(RtmType request, byte family, NetlinkHandler handler)
    {
        uint seq = ++_sequence;
        // nlmsghdr + a family-only header: rtgenmsg is enough for GETADDR/GETNEIGH; GETLINK gets a full ifinfomsg
        // so that kernels that check the header length accept it.
        int bodyLength = request == RtmType.GetLink ? 16 : request == RtmType.GetNeigh ? 12 : 8;
        Span<byte> packet = stackalloc byte[NetlinkMessage.HeaderLength + bodyLength];
        packet.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(packet, (uint)packet.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[4..], (ushort)request);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[6..], Rtnl.FlagRequest | Rtnl.FlagDump);
        BinaryPrimitives.WriteUInt32LittleEndian(packet[8..], seq);
        packet[NetlinkMessage.HeaderLength] = family;
        Libc.NetlinkSend(_handle, packet);
        while (true)
        {
            int length = Libc.NetlinkReceive(_handle, _buffer, 5000);
            if (length == 0)
                throw new NetlinkException($"dump {request}: no reply from the kernel within 5 s");
            if (length < 0)
                throw new NetlinkException($"dump {request}: the kernel dropped replies (ENOBUFS)");
            foreach (var message in new NetlinkMessageReader(_buffer.AsSpan(0, length)))
            {
                if (message.Sequence != seq)
                    continue;
                if (message.Type == RtmType.Done)
                    return;
                if (message.Type == RtmType.Error)
                {
                    if (message.ErrorCode == 0)
                        return;
                    throw new NetlinkException($"dump {request}: {Errno.Describe(-message.ErrorCode)}");
                }
                handler(message);
            }
        }
    }

    /// <summary>
    /// Sets the MTU of link <paramref name="index"/> (RTM_NEWLINK with IFLA_MTU, what "ip link set DEV mtu N" sends)
    /// and waits for the kernel's ack; a refusal throws with the kernel's reason.
    /// </summary>
    public void SetLinkMtu(int index, uint mtu)
    {
        uint seq = ++_sequence;
        // nlmsghdr (16) + ifinfomsg (16) + rtattr IFLA_MTU (4 + 4)
        Span<byte> packet = stackalloc byte[40];
        packet.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(packet, 40);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[4..], (ushort)RtmType.NewLink);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[6..], Rtnl.FlagRequest | Rtnl.FlagAck);
        BinaryPrimitives.WriteUInt32LittleEndian(packet[8..], seq);
        BinaryPrimitives.WriteInt32LittleEndian(packet[20..], index);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[32..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(packet[34..], 4); // IFLA_MTU
        BinaryPrimitives.WriteUInt32LittleEndian(packet[36..], mtu);
        Libc.NetlinkSend(_handle, packet);
        while (true)
        {
            int length = Libc.NetlinkReceive(_handle, _buffer, 5000);
            if (length == 0)
                throw new NetlinkException($"set mtu {mtu} on ifindex {index}: no reply from the kernel within 5 s");
            if (length < 0)
                continue;
            foreach (var message in new NetlinkMessageReader(_buffer.AsSpan(0, length)))
            {
                if (message.Sequence != seq || message.Type != RtmType.Error)
                    continue;
                if (message.ErrorCode == 0)
                    return;
                throw new NetlinkException($"set mtu {mtu} on ifindex {index}: {Errno.Describe(-message.ErrorCode)}");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}

/// <summary>A netlink request the kernel refused or did not answer.</summary>
public sealed class NetlinkException(string message) : Exception(message);
