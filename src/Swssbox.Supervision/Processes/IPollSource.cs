using Swssbox.Native;

namespace Swssbox.Supervision.Processes;

/// <summary>Something with fds in the loop's poll set (the control socket, listener pipes).</summary>
public interface IPollSource
{
    /// <summary>Adds its fds with a handler each.</summary>
    void Collect(List<(Libc.PollFd Fd, Action<short> Ready)> into);
}
