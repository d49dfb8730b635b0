using System.Runtime.InteropServices;
using Swssbox.Native;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// TERM, INT, QUIT, HUP and USR2 turned into bytes on a self-pipe the loop polls. Registered through
/// PosixSignalRegistration (never SIGCHLD: that makes the runtime reap our children, see init-supervisor notes);
/// cancelling the default action matters as PID 1, where an unhandled TERM is simply dropped by the kernel.
/// </summary>
public sealed class SignalPipe : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = new();
    private readonly int _write;

    /// <summary>Read end (non-blocking).</summary>
    public int Fd { get; }

    public const int SigHup = 1, SigInt = 2, SigQuit = 3, SigUsr2 = 12, SigTerm = 15;

    public SignalPipe()
    {
        (Fd, _write) = Libc.Pipe();
        Libc.SetNonBlocking(Fd);
        Libc.SetNonBlocking(_write);
        foreach (int sig in new[] { SigTerm, SigInt, SigQuit, SigHup, SigUsr2 })
        {
            _registrations.Add(PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
            {
                ctx.Cancel = true;
                Libc.Write(_write, [(byte)sig]);
            }));
        }
    }

    /// <summary>Signals received since the last call, in order.</summary>
    public List<int> Take()
    {
        var list = new List<int>();
        Span<byte> buf = stackalloc byte[64];
        while (true)
        {
            int n = Libc.Read(Fd, buf);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) list.Add(buf[i]);
        }
        return list;
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        Libc.Close(Fd);
        Libc.Close(_write);
    }
}
