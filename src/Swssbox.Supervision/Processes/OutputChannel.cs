using System.Net.Sockets;
using System.Text;
using Swssbox.Native;
using Swssbox.Supervision.Config;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// One child output pipe (stdout or stderr): drained whenever readable, as supervisor always drains (a full pipe
/// would block the child, Supervisor#1554), then written to the log file (rotated at maxbytes) and/or syslog.
/// </summary>
public sealed class OutputChannel : IDisposable
{
    private readonly LogTarget _target;
    private readonly string _processName;
    private readonly Syslog? _syslog;
    private FileStream? _file;
    private readonly StringBuilder _pendingLine = new();

    /// <summary>The read end (non-blocking), -1 once closed.</summary>
    public int Fd { get; private set; }

    /// <summary>The log file in use, or null.</summary>
    public string? LogFile { get; }

    /// <summary>"stdout" or "stderr".</summary>
    public string Channel { get; }

    /// <summary>When set, data goes here instead of logs (an eventlistener's stdout is its protocol).</summary>
    public Action<byte[], int>? Consumer { get; set; }

    /// <summary>Wraps <paramref name="fd"/> for <paramref name="channel"/> of <paramref name="processName"/>.</summary>
    public OutputChannel(int fd, string channel, string processName, LogTarget target, string? logFile, Syslog? syslog)
    {
        Fd = fd; Channel = channel; _processName = processName; _target = target; LogFile = logFile; _syslog = syslog;
        Libc.SetNonBlocking(fd);
        OpenFile();
    }

    private void OpenFile()
    {
        if (LogFile is null)
            return;
        try { _file = new FileStream(LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _file = null; }
    }

    /// <summary>Reopens the log file (SIGUSR2).</summary>
    public void Reopen()
    {
        _file?.Dispose();
        _file = null;
        OpenFile();
    }

    // One read buffer for every pipe: the loop is single-threaded, and a fresh 128 KiB array per read would be a
    // large-object allocation each time (RSS of PID 1 is a feature).
    private static readonly byte[] SharedBuffer = new byte[131072];

    /// <summary>Reads what is there (up to 128 KiB at a time); closes at EOF. Returns false once closed.</summary>
    public bool Drain()
    {
        if (Fd < 0)
            return false;
        byte[] buffer = SharedBuffer;
        while (true)
        {
            int n = Libc.Read(Fd, buffer);
            if (n > 0)
            {
                Deliver(buffer, n);
                if (n < buffer.Length)
                    return true;
                continue;
            }
            if (n < 0 && Libc.LastErrno == Errno.EAGAIN)
                return true;
            CloseFd();
            return false;
        }
    }

    /// <summary>Receives text captured between &lt;!--XSUPERVISOR:BEGIN--&gt; and &lt;!--XSUPERVISOR:END--&gt; (capture mode).</summary>
    public Action<string>? Communication { get; set; }

    private const string BeginToken = "<!--XSUPERVISOR:BEGIN-->", EndToken = "<!--XSUPERVISOR:END-->";
    private readonly StringBuilder _captureScan = new();
    private bool _capturing;

    private void Deliver(byte[] data, int count)
    {
        if (Consumer is not null)
        {
            Consumer(data, count);
            return;
        }
        if (_target.CaptureMaxBytes > 0 && Communication is not null)
        {
            DeliverCapturing(Encoding.UTF8.GetString(data, 0, count));
            return;
        }
        Log(data, count);
    }

    // supervisor's capture mode (dispatchers.py POutputDispatcher): text between the tokens becomes a
    // PROCESS_COMMUNICATION event instead of log output; a token split across reads is held back until complete.
    private void DeliverCapturing(string text)
    {
        _captureScan.Append(text);
        while (true)
        {
            string all = _captureScan.ToString();
            string token = _capturing ? EndToken : BeginToken;
            int at = all.IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                if (all.Length <= token.Length) return; // as supervisor: not enough to decide yet
                int keep = PrefixAtEnd(all, token);
                string ready = all[..^keep];
                if (!_capturing && ready.Length > 0)
                {
                    byte[] b = Encoding.UTF8.GetBytes(ready);
                    Log(b, b.Length);
                    _captureScan.Remove(0, ready.Length);
                }
                else if (_capturing && all.Length > _target.CaptureMaxBytes + EndToken.Length)
                {
                    _captureScan.Clear(); // over capture_maxbytes: supervisor truncates; we drop the capture
                    _capturing = false;
                }
                return;
            }
            string before = all[..at];
            _captureScan.Remove(0, at + token.Length);
            if (_capturing)
            {
                Communication!(before);
                _capturing = false;
            }
            else
            {
                if (before.Length > 0)
                {
                    byte[] b = Encoding.UTF8.GetBytes(before);
                    Log(b, b.Length);
                }
                _capturing = true;
            }
        }
    }

    // supervisor's find_prefix_at_end: how many trailing chars could begin the token.
    private static int PrefixAtEnd(string data, string token)
    {
        for (int n = Math.Min(token.Length - 1, data.Length); n > 0; n--)
            if (data.EndsWith(token[..n], StringComparison.Ordinal))
                return n;
        return 0;
    }

    private void Log(byte[] data, int count)
    {
        if (_file is not null)
        {
            try
            {
                if (_target.MaxBytes > 0 && _file.Length + count > _target.MaxBytes)
                {
                    _file.Dispose();
                    _file = null;
                    LogRotation.Rotate(LogFile!, _target.Backups);
                    OpenFile();
                }
                _file?.Write(data, 0, count);
                _file?.Flush();
            }
            catch (IOException) { /* full disk: the child must not block on us */ }
        }
        if (_target.Syslog && _syslog is not null)
        {
            _pendingLine.Append(Encoding.UTF8.GetString(data, 0, count));
            string all = _pendingLine.ToString();
            int nl;
            int start = 0;
            while ((nl = all.IndexOf('\n', start)) >= 0)
            {
                string line = all[start..nl];
                if (line.Length > 0)
                    _syslog.Send($"{_processName} {line}");
                start = nl + 1;
            }
            _pendingLine.Clear().Append(all[start..]);
        }
    }

    private void CloseFd()
    {
        if (_pendingLine.Length > 0 && _syslog is not null)
            _syslog.Send($"{_processName} {_pendingLine}");
        _pendingLine.Clear();
        Libc.Close(Fd);
        Fd = -1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Fd >= 0)
        {
            Drain();
            if (Fd >= 0) CloseFd();
        }
        _file?.Dispose();
    }
}

/// <summary>
/// Children's output to syslog as Python supervisor sends it (syslog.syslog: ident "supervisord", facility USER,
/// priority INFO, "<name> <line>"), as RFC 3164 datagrams to /dev/log ($SWSSBOX_LOG_SOCKET in tests). Never blocks.
/// </summary>
public sealed class Syslog : IDisposable
{
    private readonly Socket? _socket;
    private readonly string _path;

    /// <summary>Targets /dev/log unless SWSSBOX_LOG_SOCKET names another socket.</summary>
    public Syslog()
    {
        _path = Environment.GetEnvironmentVariable("SWSSBOX_LOG_SOCKET") is { Length: > 0 } p ? p : "/dev/log";
        try
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { Blocking = false };
        }
        catch (SocketException) { _socket = null; }
    }

    /// <summary>Sends one message; dropped when the socket is missing or full.</summary>
    public void Send(string message)
    {
        if (_socket is null)
            return;
        var now = DateTime.Now;
        string stamp = now.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture) + " " + now.Day.ToString().PadLeft(2) + now.ToString(" HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes($"<14>{stamp} supervisord: {message}"), new UnixDomainSocketEndPoint(_path));
        }
        catch (SocketException) { }
    }

    /// <inheritdoc />
    public void Dispose() => _socket?.Dispose();
}
