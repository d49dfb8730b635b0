using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>Raw file descriptors: pipes, non-blocking reads and writes, poll(2), close.</summary>
public static unsafe partial class Libc
{
    private const int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    private const int F_GETFL = 3, F_SETFL = 4;

    /// <summary>POLLIN.</summary>
    public const short PollIn = 0x001;
    /// <summary>POLLOUT.</summary>
    public const short PollOut = 0x004;
    /// <summary>POLLERR | POLLHUP | POLLNVAL.</summary>
    public const short PollErrors = 0x008 | 0x010 | 0x020;

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>pipe2 with O_CLOEXEC (so children never inherit our ends); returns (read, write).</summary>
    public static (int Read, int Write) Pipe()
    {
        int* fds = stackalloc int[2];
        Errno.Check(pipe2(fds, O_CLOEXEC), "pipe2");
        return (fds[0], fds[1]);
    }

    /// <summary>Sets O_NONBLOCK on <paramref name="fd"/>.</summary>
    public static void SetNonBlocking(int fd)
    {
        int flags = Errno.Check(fcntl(fd, F_GETFL, 0), "fcntl", "F_GETFL");
        Errno.Check(fcntl(fd, F_SETFL, flags | O_NONBLOCK), "fcntl", "F_SETFL");
    }

    /// <summary>read(2): bytes read, 0 at EOF, -1 with errno (EAGAIN when nothing is there). EINTR retried.</summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = read(fd, p, (nuint)buffer.Length);
                if (n >= 0 || Marshal.GetLastPInvokeError() != Errno.EINTR)
                    return (int)n;
            }
        }
    }

    /// <summary>write(2): bytes written or -1 with errno. EINTR retried.</summary>
    public static int Write(int fd, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = write(fd, p, (nuint)buffer.Length);
                if (n >= 0 || Marshal.GetLastPInvokeError() != Errno.EINTR)
                    return (int)n;
            }
        }
    }

    /// <summary>Writes all of <paramref name="buffer"/> to a blocking fd; false on error.</summary>
    public static bool WriteAll(int fd, ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int n = Write(fd, buffer);
            if (n <= 0)
                return false;
            buffer = buffer[n..];
        }
        return true;
    }

    /// <summary>close(2), ignoring errors (the fd is gone either way on Linux).</summary>
    public static void Close(int fd)
    {
        if (fd >= 0)
            close(fd);
    }

    /// <summary>poll(2): number of ready fds, 0 on timeout, -1 on error (EINTR is returned as 0).</summary>
    public static int Poll(Span<PollFd> fds, int timeoutMs)
    {
        fixed (PollFd* p = fds)
        {
            int n = poll(p, (nuint)fds.Length, timeoutMs);
            if (n < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR)
                return 0;
            return n;
        }
    }

    /// <summary>The last P/Invoke's errno.</summary>
    public static int LastErrno => Marshal.GetLastPInvokeError();

    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int pipe2(int* fds, int flags);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int fcntl(int fd, int cmd, int arg);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial nint read(int fd, byte* buf, nuint count);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial nint write(int fd, byte* buf, nuint count);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int close(int fd);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int poll(PollFd* fds, nuint nfds, int timeout);
}
