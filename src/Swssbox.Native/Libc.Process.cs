using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>Process identity calls that Tmds.LibC lacks or that we want without it.</summary>
public static partial class Libc
{
    /// <summary>getpid(2): never fails.</summary>
    [LibraryImport(LibraryNames.Libc, EntryPoint = "getpid")]
    public static partial int GetPid();

    /// <summary>sysinfo(2) uptime in seconds, or -1 on failure.</summary>
    public static long UptimeSeconds()
    {
        Span<byte> info = stackalloc byte[112]; // struct sysinfo on x86_64/aarch64 is 112 bytes; uptime is its first long
        unsafe
        {
            fixed (byte* p = info)
            {
                if (SysInfo(p) != 0)
                    return -1;
            }
        }
        return BitConverter.ToInt64(info);
    }

    [LibraryImport(LibraryNames.Libc, EntryPoint = "sysinfo", SetLastError = true)]
    private static unsafe partial int SysInfo(byte* info);
}
