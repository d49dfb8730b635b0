using System.Net.Sockets;
using System.Text;

namespace Swssbox.Docker.Transport;

/// <summary>
/// One HTTP/1.1 connection to the engine's unix socket, kept alive across calls. Blocking I/O on purpose: a
/// service wrapper makes a handful of sequential calls, and a hijacked attach stream is just read to its end.
/// </summary>
public sealed class HttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly string _endpoint;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private HttpConnection(Socket socket, string endpoint)
    {
        _socket = socket;
        _endpoint = endpoint;
    }

    /// <summary>False once the peer closed or a body was delimited by close: the next call needs a new connection.</summary>
    public bool Reusable { get; private set; } = true;

    /// <summary>Connects to <paramref name="endpoint"/>; failures name the socket and the kernel's reason.</summary>
    public static HttpConnection Open(DockerEndpoint endpoint)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(endpoint.SocketPath));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            // .NET reports a missing unix socket as "Cannot assign requested address"; say what the kernel said.
            string cause = File.Exists(endpoint.SocketPath) ? e.Message : "No such file or directory";
            throw new DockerUnavailableException(endpoint.ToString(), cause + " (is dockerd running?)", e);
        }
        return new HttpConnection(socket, endpoint.ToString());
    }

    /// <summary>
    /// Sends one request and reads the response. With <paramref name="hijack"/> the body is not read: after
    /// "101 UPGRADED" (or a 200 from an engine that hijacks without it) the connection carries the raw stream.
    /// </summary>
    public HttpResponse Exchange(string method, string target, ReadOnlySpan<byte> body, string? contentType, bool hijack = false)
    {
        var head = new StringBuilder(256);
        head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\nHost: docker\r\nUser-Agent: swssbox\r\n");
        if (hijack)
            head.Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        if (contentType is not null)
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        if (body.Length > 0 || method is "POST" or "PUT")
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("\r\n");
        try
        {
            Send(Encoding.ASCII.GetBytes(head.ToString()));
            Send(body);
            return ReadResponse(method, hijack);
        }
        catch (SocketException e)
        {
            Reusable = false;
            throw new DockerUnavailableException(_endpoint, $"{method} {target}: {e.Message}", e);
        }
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes of the (hijacked) stream; 0 at its end.</summary>
    public int Read(Span<byte> destination)
    {
        if (_end > _start)
        {
            int n = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(destination);
            _start += n;
            return n;
        }
        return _socket.Receive(destination);
    }

    /// <summary>Fills <paramref name="destination"/> completely; false if the stream ended first (partial data is lost).</summary>
    public bool ReadExactly(Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            int n = Read(destination);
            if (n == 0)
                return false;
            destination = destination[n..];
        }
        return true;
    }

    private void Send(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
            data = data[_socket.Send(data)..];
    }

    private HttpResponse ReadResponse(string method, bool hijack)
    {
        string statusLine = ReadLine() ?? throw Broken("the engine closed the connection before answering");
        // "HTTP/1.1 200 OK"
        string[] parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], out int status))
            throw Broken($"expected an HTTP/1.x status line, got '{statusLine}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            string line = ReadLine() ?? throw Broken("the engine closed the connection inside the headers");
            if (line.Length == 0)
                break;
            int colon = line.IndexOf(':');
            if (colon > 0)
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        string reason = parts.Length > 2 ? parts[2] : "";
        if (hijack && status is 101 or 200)
        {
            Reusable = false;
            return new HttpResponse(status, reason, headers, []);
        }
        if (headers.TryGetValue("Connection", out var conn) && conn.Equals("close", StringComparison.OrdinalIgnoreCase))
            Reusable = false;
        byte[] body = method == "HEAD" || status is 204 or 304 || status < 200
            ? []
            : ReadBody(headers);
        return new HttpResponse(status, reason, headers, body);
    }

    private byte[] ReadBody(Dictionary<string, string> headers)
    {
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new MemoryStream();
            while (true)
            {
                string sizeLine = ReadLine() ?? throw Broken("the body ended inside a chunk header");
                int semi = sizeLine.IndexOf(';');
                if (!int.TryParse(semi >= 0 ? sizeLine[..semi] : sizeLine, System.Globalization.NumberStyles.HexNumber, null, out int size))
                    throw Broken($"bad chunk size '{sizeLine}'");
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(ReadLine())) { } // trailers, then the empty line
                    return body.ToArray();
                }
                byte[] chunk = new byte[size];
                if (!ReadExactly(chunk))
                    throw Broken("the body ended inside a chunk");
                body.Write(chunk);
                ReadLine();
            }
        }
        if (headers.TryGetValue("Content-Length", out var cl))
        {
            if (!int.TryParse(cl, out int length) || length < 0)
                throw Broken($"bad Content-Length '{cl}'");
            byte[] body = new byte[length];
            if (!ReadExactly(body))
                throw Broken("the body ended early");
            return body;
        }
        // Delimited by close.
        Reusable = false;
        var rest = new MemoryStream();
        Span<byte> tmp = stackalloc byte[8192];
        int n;
        while ((n = Read(tmp)) > 0)
            rest.Write(tmp[..n]);
        return rest.ToArray();
    }

    /// <summary>One CRLF-terminated line (ASCII), or null at end of stream.</summary>
    private string? ReadLine()
    {
        while (true)
        {
            int lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (lf >= 0)
            {
                int len = lf - _start;
                if (len > 0 && _buffer[lf - 1] == '\r')
                    len--;
                string line = Encoding.ASCII.GetString(_buffer, _start, len);
                _start = lf + 1;
                return line;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
                throw Broken("a header line is longer than 64 KiB");
            int n = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (n == 0)
            {
                Reusable = false;
                return null;
            }
            _end += n;
        }
    }

    private DockerUnavailableException Broken(string cause)
    {
        Reusable = false;
        return new DockerUnavailableException(_endpoint, cause);
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
