using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>Signalling our parent: how supervisor's event listeners stop their supervisord (os.kill(os.getppid(), …)).</summary>
public static partial class Libc
{
    /// <summary>SIGTERM.</summary>
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to the parent process; returns the parent's pid.</summary>
    public static int SignalParent(int signal)
    {
        int parent = GetParentPid();
        Errno.Check(SendSignal(parent, signal), "kill", parent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parent;
    }

    /// <summary>getppid(2): never fails.</summary>
    [LibraryImport(LibraryNames.Libc, EntryPoint = "getppid")]
    public static partial int GetParentPid();

    [LibraryImport(LibraryNames.Libc, EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
