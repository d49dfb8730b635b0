using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>Child reaping: waitpid(2) and pidfd_open(2).</summary>
public static partial class Libc
{
    private const int WNOHANG = 1;
    private const long SysPidfdOpen = 434; // same number on x86_64 and aarch64

    /// <summary>A reaped child: its pid and raw wait status.</summary>
    public readonly record struct Reaped(int Pid, int Status)
    {
        /// <summary>True when the child called exit.</summary>
        public bool Exited => (Status & 0x7f) == 0;
        /// <summary>Exit code (valid when <see cref="Exited"/>).</summary>
        public int ExitCode => (Status >> 8) & 0xff;
        /// <summary>Terminating signal (valid when not <see cref="Exited"/>).</summary>
        public int TermSignal => Status & 0x7f;
    }

    /// <summary>
    /// waitpid(-1, WNOHANG): a zombie child (ours or an adopted orphan), or null when none is waiting
    /// (0 from the kernel) or we have no children at all (ECHILD). EINTR is retried.
    /// </summary>
    public static Reaped? ReapAny()
    {
        while (true)
        {
            int status;
            int pid;
            unsafe { pid = waitpid(-1, &status, WNOHANG); }
            if (pid > 0)
                return new Reaped(pid, status);
            if (pid == 0)
                return null;
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EINTR)
                continue;
            return null; // ECHILD: nothing to reap
        }
    }

    /// <summary>pidfd_open(2): an fd that polls readable when <paramref name="pid"/> exits (also for a zombie), or -1.</summary>
    public static int PidfdOpen(int pid) => (int)syscall(SysPidfdOpen, pid, 0);

    [LibraryImport(LibraryNames.Libc, SetLastError = true)]
    private static unsafe partial int waitpid(int pid, int* status, int options);

    [LibraryImport(LibraryNames.Libc, SetLastError = true)]
    private static partial long syscall(long number, long a, long b);
}
