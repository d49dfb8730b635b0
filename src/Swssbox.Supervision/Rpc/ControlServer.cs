using System.Net.Sockets;
using System.Text;
using Swssbox.Native;
using Swssbox.Supervision.Processes;

namespace Swssbox.Supervision.Rpc;

/// <summary>
/// [unix_http_server]: HTTP/1.x over a unix socket serving XML-RPC (POST) to supervisorctl, Python's or ours. Runs
/// inside the supervisor's poll loop (non-blocking sockets, no threads); keep-alive, Basic auth when configured.
/// A malformed request closes that connection and nothing else.
/// </summary>
public sealed class ControlServer : IPollSource, IDisposable
{
    private readonly Supervisor _supervisor;
    private readonly RpcInterface _rpc;
    private readonly Socket _listener;
    private readonly string _path;
    private readonly string? _expectedAuth;
    private readonly List<HttpConnection> _connections = new();

    private ControlServer(Supervisor supervisor, Socket listener, string path, string? expectedAuth)
    {
        _supervisor = supervisor; _listener = listener; _path = path; _expectedAuth = expectedAuth;
        _rpc = new RpcInterface(supervisor);
        supervisor.AddSource(this);
        supervisor.Pass += PollDeferred;
    }

    /// <summary>Binds the configured socket (replacing a stale one), or returns null when none is configured.</summary>
    public static ControlServer? Start(Supervisor supervisor)
    {
        if (supervisor.Config.UnixServer is not { } cfg)
            return null;
        if (File.Exists(cfg.File) || Directory.Exists(cfg.File))
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(cfg.File));
                throw new IOException($"Another program is already listening on {cfg.File}: shut it down first before starting supervisord");
            }
            catch (SocketException) { File.Delete(cfg.File); } // stale
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(cfg.File));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(cfg.File, (UnixFileMode)cfg.Chmod);
        listener.Listen(64);
        listener.Blocking = false;
        string? auth = cfg.Username is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cfg.Username}:{cfg.Password}"));
        return new ControlServer(supervisor, listener, cfg.File, auth);
    }

    /// <inheritdoc />
    public void Collect(List<(Libc.PollFd Fd, Action<short> Ready)> into)
    {
        into.Add((new Libc.PollFd { Fd = (int)_listener.Handle, Events = Libc.PollIn }, _ => Accept()));
        foreach (var c in _connections.ToList())
        {
            var conn = c;
            short events = conn.Pending is null ? Libc.PollIn : (short)0;
            if (conn.HasOutput) events |= Libc.PollOut;
            if (events == 0) continue;
            into.Add((new Libc.PollFd { Fd = (int)conn.Socket.Handle, Events = events }, rev => Service(conn, rev)));
        }
    }

    private void Accept()
    {
        while (true)
        {
            Socket s;
            try { s = _listener.Accept(); }
            catch (SocketException) { return; }
            s.Blocking = false;
            _connections.Add(new HttpConnection(s));
        }
    }

    private void Service(HttpConnection conn, short revents)
    {
        if ((revents & Libc.PollOut) != 0 && !conn.Flush())
        {
            Drop(conn);
            return;
        }
        if ((revents & (Libc.PollIn | Libc.PollErrors)) != 0 && conn.Pending is null)
        {
            if (!conn.Receive())
            {
                if (!conn.HasOutput) Drop(conn);
                return;
            }
            HandleRequests(conn);
        }
        if (conn.CloseAfterWrite && !conn.HasOutput)
            Drop(conn);
    }

    private void HandleRequests(HttpConnection conn)
    {
        while (conn.Pending is null && conn.TryTakeRequest() is { } req)
        {
            if (_expectedAuth is not null && req.Authorization != _expectedAuth)
            {
                conn.Send(401, "text/html", "<html><head><title>Unauthorized</title></head><body>Unauthorized</body></html>", req.KeepAlive, "WWW-Authenticate: Basic realm=\"default\"\r\n");
                continue;
            }
            if (req.Method != "POST")
            {
                conn.Send(req.Path == "/" ? 200 : 404, "text/html", req.Path == "/" ? "<html><body>swssbox supervisord</body></html>" : "<html><body>Not Found</body></html>", req.KeepAlive);
                continue;
            }
            object? result;
            try
            {
                var (method, args) = XmlRpc.ParseCall(req.Body);
                result = _rpc.Call(method, args);
            }
            catch (RpcFault f) { conn.Send(200, "text/xml", XmlRpc.Fault((int)f.Code, f.Message), req.KeepAlive); continue; }
            catch (FormatException e)
            {
                conn.Send(200, "text/xml", XmlRpc.Fault((int)FaultCode.IncorrectParameters, "INCORRECT_PARAMETERS: " + e.Message), req.KeepAlive);
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bad request must never take PID 1 down, nor leave its client waiting.
                _supervisor.Log.Error($"error handling XML-RPC request: {e.Message}");
                conn.Send(200, "text/xml", XmlRpc.Fault((int)FaultCode.Failed, "FAILED: " + e.Message), req.KeepAlive);
                continue;
            }
            if (result is Deferred d)
                conn.Pending = (d, req.KeepAlive);
            else
                conn.Send(200, "text/xml", XmlRpc.Response(result), req.KeepAlive);
        }
        conn.Flush();
    }

    // Once per loop pass: answer requests whose deferred result is ready (startProcess waiting for RUNNING…).
    private void PollDeferred()
    {
        foreach (var conn in _connections.ToList())
        {
            if (conn.Pending is not { } p) continue;
            string? body = null;
            try
            {
                var v = p.D.Poll();
                if (v != Deferred.NotDoneYet) body = XmlRpc.Response(v);
            }
            catch (RpcFault f) { body = XmlRpc.Fault((int)f.Code, f.Message); }
            catch (Exception e) when (e is not OutOfMemoryException) { body = XmlRpc.Fault((int)FaultCode.Failed, "FAILED: " + e.Message); }
            if (body is null) continue;
            conn.Pending = null;
            conn.Send(200, "text/xml", body, p.KeepAlive);
            HandleRequests(conn);
            if (!conn.Flush()) Drop(conn);
        }
    }

    private void Drop(HttpConnection conn)
    {
        _connections.Remove(conn);
        conn.Socket.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var c in _connections) c.Socket.Dispose();
        _listener.Dispose();
        try { File.Delete(_path); } catch (IOException) { }
    }
}
