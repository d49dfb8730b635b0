using System.Net.Sockets;
using Swssbox.Notify;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// Our notify=true extension: a private sd_notify datagram socket per process (abstract namespace, so nothing is
/// left on disk and a socket identifies its sender). READY=1 on it moves the process from STARTING to RUNNING.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;

    private NotifySocket(Socket socket, string address) { _socket = socket; Address = address; }

    /// <summary>The NOTIFY_SOCKET value for the child ("@…").</summary>
    public string Address { get; }

    /// <summary>Raw fd for poll.</summary>
    public int Fd => (int)_socket.Handle;

    public static NotifySocket Create(Supervisor host, Subprocess process)
    {
        string address = $"@swssbox-supervisord/{Environment.ProcessId}/{Guid.NewGuid():N}/{process.Config.Name}";
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(SdNotify.EndPoint(address));
        socket.Blocking = false;
        return new NotifySocket(socket, address);
    }

    /// <summary>Reads every pending datagram; true when one said READY=1.</summary>
    public bool ReadReady()
    {
        bool ready = false;
        byte[] buffer = new byte[4096];
        while (true)
        {
            int n;
            try { n = _socket.Receive(buffer); }
            catch (SocketException) { break; }
            if (n <= 0) break;
            if (SdNotify.Parse(buffer.AsSpan(0, n)).TryGetValue("READY", out var v) && v == "1")
                ready = true;
        }
        return ready;
    }

    public void Dispose() => _socket.Dispose();
}
