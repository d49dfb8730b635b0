using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>
/// AF_NETLINK sockets: .NET's Socket cannot bind a sockaddr_nl (no EndPoint for it, and multicast groups are
/// chosen at bind time), so the few calls are made directly. Each wrapper checks errno in one place.
/// </summary>
public static partial class Libc
{
    private const int AF_NETLINK = 16;
    private const int SOCK_RAW = 3;
    private const int SOCK_CLOEXEC = 0x80000;
    private const int SOL_SOCKET = 1;
    private const int SO_RCVBUF = 8;
    private const int SO_RCVBUFFORCE = 33;
    private const int SOL_NETLINK = 270;
    private const int NETLINK_NO_ENOBUFS = 5;

    /// <summary>ENOBUFS: the kernel dropped multicast messages because our receive buffer was full.</summary>
    public const int ENOBUFS = 105;

    /// <summary>
    /// socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, <paramref name="protocol"/>) bound to the multicast
    /// <paramref name="groups"/> bitmask (RTMGRP_*); the kernel picks the port id.
    /// </summary>
    public static NetlinkHandle OpenNetlink(int protocol, uint groups)
    {
        int fd = Errno.Check(Socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol), "socket", "AF_NETLINK");
        var handle = new NetlinkHandle(fd);
        // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
        Span<byte> address = stackalloc byte[12];
        address.Clear();
        BitConverter.TryWriteBytes(address, (ushort)AF_NETLINK);
        BitConverter.TryWriteBytes(address[8..], groups);
        unsafe
        {
            fixed (byte* a = address)
            {
                if (Bind(fd, a, 12) == -1)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    handle.Dispose();
                    throw new NativeCallException("bind", "AF_NETLINK", errno);
                }
            }
        }
        return handle;
    }

    /// <summary>
    /// Sets the receive buffer to <paramref name="bytes"/>: SO_RCVBUFFORCE (beyond rmem_max, needs CAP_NET_ADMIN),
    /// else SO_RCVBUF (capped by the kernel). Returns whether the forced size took.
    /// </summary>
    public static bool SetReceiveBuffer(NetlinkHandle socket, int bytes)
    {
        int fd = (int)socket.DangerousGetHandle();
        unsafe
        {
            if (SetSockOpt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof(int)) == 0)
                return true;
            SetSockOpt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(int));
        }
        return false;
    }

    /// <summary>send(2) of one whole request; EINTR retried.</summary>
    public static void NetlinkSend(NetlinkHandle socket, ReadOnlySpan<byte> request)
    {
        int fd = (int)socket.DangerousGetHandle();
        unsafe
        {
            fixed (byte* p = request)
            {
                while (true)
                {
                    nint sent = Send(fd, p, request.Length, 0);
                    if (sent >= 0)
                        return;
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                        throw new NativeCallException("send", "AF_NETLINK", errno);
                }
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1 forever) for a datagram and receives it into
    /// <paramref name="buffer"/>. Returns its length, 0 on timeout, or -ENOBUFS when the kernel dropped messages
    /// (the caller must resynchronise). Other errors throw.
    /// </summary>
    public static int NetlinkReceive(NetlinkHandle socket, Span<byte> buffer, int timeoutMs)
    {
        int fd = (int)socket.DangerousGetHandle();
        unsafe
        {
            var pollFd = new PollFd { Fd = fd, Events = PollIn };
            while (true)
            {
                // The raw poll(2) import of Libc.Fd.cs: EINTR must retry here, not read as a timeout.
                int ready = poll(&pollFd, 1, timeoutMs);
                if (ready == 0)
                    return 0;
                if (ready < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Errno.EINTR)
                        continue;
                    throw new NativeCallException("poll", "AF_NETLINK", errno);
                }
                fixed (byte* p = buffer)
                {
                    nint received = Recv(fd, p, buffer.Length, 0);
                    if (received >= 0)
                        return (int)received;
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Errno.EINTR || errno == Errno.EAGAIN)
                        continue;
                    if (errno == ENOBUFS)
                        return -ENOBUFS;
                    throw new NativeCallException("recv", "AF_NETLINK", errno);
                }
            }
        }
    }

    [LibraryImport(LibraryNames.Libc, EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(LibraryNames.Libc, EntryPoint = "bind", SetLastError = true)]
    private static unsafe partial int Bind(int fd, byte* address, int length);

    [LibraryImport(LibraryNames.Libc, EntryPoint = "setsockopt", SetLastError = true)]
    private static unsafe partial int SetSockOpt(int fd, int level, int name, void* value, int length);

    [LibraryImport(LibraryNames.Libc, EntryPoint = "send", SetLastError = true)]
    private static unsafe partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(LibraryNames.Libc, EntryPoint = "recv", SetLastError = true)]
    private static unsafe partial nint Recv(int fd, byte* buffer, nint length, int flags);

}

/// <summary>An open netlink socket; closing it is the only cleanup.</summary>
public sealed class NetlinkHandle : SafeHandle
{
    internal NetlinkHandle(int fd) : base(-1, ownsHandle: true) => SetHandle(fd);

    /// <inheritdoc />
    public override bool IsInvalid => handle == -1;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        Libc.Close((int)handle);
        return true;
    }
}
