using System.Net.Sockets;
using System.Text;

namespace Swssbox.Supervision.Rpc;

/// <summary>One HTTP request as the server needs it.</summary>
internal sealed record HttpRequest(string Method, string Path, string Body, string? Authorization, bool KeepAlive);

/// <summary>A non-blocking HTTP/1.x server connection: buffered input, parsed requests, queued output.</summary>
internal sealed class HttpConnection(Socket socket)
{
    private const int MaxRequest = 4 << 20;
    private readonly MemoryStream _in = new();
    private byte[] _out = [];
    private int _outPos;

    public Socket Socket { get; } = socket;
    public (Deferred D, bool KeepAlive)? Pending { get; set; }
    public bool HasOutput => _outPos < _out.Length;
    public bool CloseAfterWrite { get; private set; }

    private static readonly byte[] SharedBuffer = new byte[16384]; // the loop is single-threaded

    /// <summary>Reads what is available; false on EOF/error or an oversized request.</summary>
    public bool Receive()
    {
        byte[] buf = SharedBuffer;
        while (true)
        {
            int n;
            try { n = Socket.Receive(buf); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock) { return true; }
            catch (SocketException) { return false; }
            if (n == 0) return false;
            _in.Write(buf, 0, n);
            if (_in.Length > MaxRequest) return false;
        }
    }

    /// <summary>The next complete request in the buffer, or null.</summary>
    public HttpRequest? TryTakeRequest()
    {
        var data = _in.GetBuffer().AsSpan(0, (int)_in.Length);
        int headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0) return null;
        string head = Encoding.ASCII.GetString(data[..headerEnd]);
        var lines = head.Split("\r\n");
        var first = lines[0].Split(' ');
        if (first.Length < 3) { CloseAfterWrite = true; _in.SetLength(0); return null; }
        int length = 0;
        string? auth = null;
        string? connection = null;
        foreach (var l in lines.Skip(1))
        {
            int c = l.IndexOf(':');
            if (c < 0) continue;
            string k = l[..c].Trim().ToLowerInvariant(), v = l[(c + 1)..].Trim();
            if (k == "content-length") int.TryParse(v, out length);
            else if (k == "authorization") auth = v;
            else if (k == "connection") connection = v.ToLowerInvariant();
        }
        if (data.Length < headerEnd + 4 + length) return null;
        string body = Encoding.UTF8.GetString(data.Slice(headerEnd + 4, length));
        var rest = data[(headerEnd + 4 + length)..].ToArray();
        _in.SetLength(0);
        _in.Write(rest);
        bool keepAlive = first[2] == "HTTP/1.1" ? connection != "close" : connection == "keep-alive";
        return new HttpRequest(first[0], first[1], body, auth, keepAlive);
    }

    /// <summary>Queues a response.</summary>
    public void Send(int status, string contentType, string body, bool keepAlive, string extraHeaders = "")
    {
        byte[] payload = Encoding.UTF8.GetBytes(body);
        string reason = status switch { 200 => "OK", 401 => "Unauthorized", 404 => "Not Found", _ => "Error" };
        string head = $"HTTP/1.1 {status} {reason}\r\nServer: Medusa/1.12\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n" +
            extraHeaders + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        byte[] h = Encoding.ASCII.GetBytes(head);
        var remaining = _out.AsSpan(_outPos);
        var next = new byte[remaining.Length + h.Length + payload.Length];
        remaining.CopyTo(next);
        h.CopyTo(next, remaining.Length);
        payload.CopyTo(next, remaining.Length + h.Length);
        _out = next;
        _outPos = 0;
        if (!keepAlive) CloseAfterWrite = true;
    }

    /// <summary>Writes queued output as far as the socket takes it; false on error.</summary>
    public bool Flush()
    {
        while (HasOutput)
        {
            try
            {
                int n = Socket.Send(_out, _outPos, _out.Length - _outPos, SocketFlags.None);
                if (n <= 0) return true;
                _outPos += n;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock) { return true; }
            catch (SocketException) { return false; }
        }
        return true;
    }
}
