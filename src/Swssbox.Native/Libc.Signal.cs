using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>kill(2), signal dispositions, prctl(PR_SET_CHILD_SUBREAPER), umask and ids.</summary>
public static partial class Libc
{
    private const int PR_SET_CHILD_SUBREAPER = 36;
    private static readonly nint SigIgn = 1;

    /// <summary>kill(2): 0, or the errno (ESRCH when the process is gone).</summary>
    public static int Kill(int pid, int signal)
    {
        if (kill(pid, signal) == 0)
            return 0;
        return Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// Sets <paramref name="signal"/> to SIG_IGN in this process. The supervisor ignores SIGXFSZ (a full log file
    /// must not kill PID 1) and children inherit ignored SIGPIPE/SIGXFSZ across posix_spawn, as under CPython.
    /// </summary>
    public static void Ignore(int signal) => signal_(signal, SigIgn);

    /// <summary>Makes this process the reaper of its descendants' orphans (needless as PID 1). False on failure.</summary>
    public static bool SetChildSubreaper() => prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;

    /// <summary>umask(2): sets the mask, returns the old one.</summary>
    public static int Umask(int mask) => umask(mask);

    /// <summary>getuid(2).</summary>
    public static int GetUid() => getuid();

    /// <summary>setgid(2): 0 or errno.</summary>
    public static int SetGid(int gid) => setgid(gid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>setuid(2): 0 or errno.</summary>
    public static int SetUid(int uid) => setuid(uid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>initgroups(3): 0 or errno.</summary>
    public static int InitGroups(string user, int gid) => initgroups(user, gid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int kill(int pid, int sig);
    [LibraryImport(LibraryNames.Libc, EntryPoint = "signal", SetLastError = true)] private static partial nint signal_(int sig, nint handler);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int prctl(int option, ulong a2, ulong a3, ulong a4, ulong a5);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int umask(int mask);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int getuid();
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int setgid(int gid);
    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int setuid(int uid);
    [LibraryImport(LibraryNames.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] private static partial int initgroups(string user, int gid);
}
