using System.Net.Sockets;
using System.Text;

namespace Swssbox.Notify;

/// <summary>
/// Sends sd_notify(3) datagrams ("READY=1", "STATUS=…", "STOPPING=1") to $NOTIFY_SOCKET, as systemd defines
/// them: a path (or "@name" for the abstract namespace) of an AF_UNIX datagram socket. swssbox's supervisord
/// sets NOTIFY_SOCKET for programs with notify=true; systemd sets it for Type=notify units.
/// </summary>
public static class SdNotify
{
    /// <summary>The environment variable naming the socket.</summary>
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Sends <paramref name="state"/> (newline-separated assignments). False when no socket is set or the send failed.</summary>
    public static bool Send(string state)
    {
        string? path = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(path))
            return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(EndPoint(path));
            socket.Send(Encoding.UTF8.GetBytes(state));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>"READY=1": the program is serving.</summary>
    public static bool Ready(string? status = null) => Send(status is null ? "READY=1" : $"READY=1\nSTATUS={status}");

    /// <summary>The endpoint for a NOTIFY_SOCKET value; a leading '@' means the abstract namespace.</summary>
    public static UnixDomainSocketEndPoint EndPoint(string path) =>
        new(path.StartsWith('@') ? "\0" + path[1..] : path);

    /// <summary>Parses a datagram into its assignments (later ones win).</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> datagram)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in Encoding.UTF8.GetString(datagram).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = line.IndexOf('=');
            if (eq > 0)
                result[line[..eq]] = line[(eq + 1)..];
        }
        return result;
    }
}
