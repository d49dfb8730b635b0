namespace Swssbox.Native;

/// <summary>
/// The exact module names our P/Invokes use. The executable's DirectPInvoke list names these same strings:
/// NativeAOT matches them literally, and an unmatched name makes a static binary dlopen a second glibc at run time.
/// </summary>
public static class LibraryNames
{
    /// <summary>glibc, as Tmds.LibC names it.</summary>
    public const string Libc = "libc.so.6";
}
