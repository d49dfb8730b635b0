using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>errno values we branch on, and the one place that turns a failed call into an exception.</summary>
public static class Errno
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ECHILD = 10;
    public const int ESRCH = 3;
    public const int ENOENT = 2;
    public const int EPERM = 1;

    /// <summary>Throws when <paramref name="result"/> is -1, naming the call and its argument.</summary>
    public static int Check(int result, string call, string? argument = null)
    {
        if (result != -1)
            return result;
        int errno = Marshal.GetLastPInvokeError();
        throw new NativeCallException(call, argument, errno);
    }

    /// <summary>The C library's text for an errno value.</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}

/// <summary>A failed system call: which one, on what, and errno.</summary>
public sealed class NativeCallException(string call, string? argument, int errno)
    : Exception(argument is null
        ? $"{call} failed: {Errno.Describe(errno)}"
        : $"{call}({argument}) failed: {Errno.Describe(errno)}")
{
    public string Call { get; } = call;
    public int ErrorNumber { get; } = errno;
}
