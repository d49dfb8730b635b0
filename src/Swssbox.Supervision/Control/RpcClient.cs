using System.Net.Sockets;
using System.Text;
using Swssbox.Supervision.Rpc;

namespace Swssbox.Supervision.Control;

/// <summary>Why the server could not be reached, as supervisorctl's upcheck distinguishes it.</summary>
public sealed class ServerUnreachableException(string serverUrl, bool noSuchFile, string detail)
    : Exception($"{serverUrl} {(noSuchFile ? "no such file" : "refused connection")}: {detail}")
{
    /// <summary>True for ENOENT ("no such file"), false for a refused connection.</summary>
    public bool NoSuchFile { get; } = noSuchFile;
    /// <summary>The server URL as configured.</summary>
    public string ServerUrl { get; } = serverUrl;
}

/// <summary>XML-RPC over HTTP/1.1 on supervisord's unix socket (one kept-alive connection), as supervisorctl uses it.</summary>
public sealed class RpcClient(string serverUrl, string? username, string? password) : IDisposable
{
    private Socket? _socket;

    /// <summary>The configured URL ("unix:///var/run/supervisor.sock").</summary>
    public string ServerUrl { get; } = serverUrl;

    /// <summary>Calls <paramref name="method"/>; throws <see cref="FaultException"/> or <see cref="ServerUnreachableException"/>.</summary>
    public object? Call(string method, params object?[] args)
    {
        byte[] body = Encoding.UTF8.GetBytes(XmlRpc.Call(method, args));
        var sb = new StringBuilder("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nUser-Agent: swssbox-supervisorctl\r\nContent-Type: text/xml\r\n");
        if (username is not null)
            sb.Append("Authorization: Basic ").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))).Append("\r\n");
        sb.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        var socket = Connect();
        socket.Send([.. Encoding.ASCII.GetBytes(sb.ToString()), .. body]);
        return XmlRpc.ParseResponse(ReadResponse(socket));
    }

    private Socket Connect()
    {
        if (_socket is not null) return _socket;
        if (!ServerUrl.StartsWith("unix://"))
            throw new ServerUnreachableException(ServerUrl, false, "only unix:// server URLs are supported");
        string path = ServerUrl["unix://".Length..];
        var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            s.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw new ServerUnreachableException(ServerUrl, e.SocketErrorCode is SocketError.AddressNotAvailable || !File.Exists(path), e.Message);
        }
        return _socket = s;
    }

    private static string ReadResponse(Socket s)
    {
        var buf = new MemoryStream();
        byte[] chunk = new byte[65536];
        int headerEnd = -1, length = -1;
        int status = 0;
        while (true)
        {
            if (headerEnd < 0)
            {
                var data = buf.GetBuffer().AsSpan(0, (int)buf.Length);
                int i = data.IndexOf("\r\n\r\n"u8);
                if (i >= 0)
                {
                    headerEnd = i + 4;
                    var lines = Encoding.ASCII.GetString(data[..i]).Split("\r\n");
                    var first = lines[0].Split(' ');
                    status = first.Length > 1 && int.TryParse(first[1], out int st) ? st : 0;
                    foreach (var l in lines)
                        if (l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                            length = int.Parse(l[15..].Trim());
                }
            }
            if (headerEnd >= 0 && length >= 0 && buf.Length >= headerEnd + length)
                break;
            int n = s.Receive(chunk);
            if (n <= 0)
            {
                if (headerEnd >= 0 && length < 0) break;
                throw new IOException("supervisord closed the connection");
            }
            buf.Write(chunk, 0, n);
        }
        if (status == 401) throw new FaultException(401, "Server requires authentication");
        int len = length >= 0 ? length : (int)buf.Length - headerEnd;
        return Encoding.UTF8.GetString(buf.GetBuffer(), headerEnd, len);
    }

    /// <inheritdoc />
    public void Dispose() => _socket?.Dispose();
}
