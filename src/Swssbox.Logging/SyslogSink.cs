using System.Net.Sockets;
using Serilog.Core;
using Serilog.Events;

namespace Swssbox.Logging;

/// <summary>
/// Serilog sink writing RFC 3164 datagrams to a local syslog socket (/dev/log). It never blocks and never throws:
/// when the socket is missing or refuses, it reconnects once (rsyslogd restarts) and otherwise writes to stderr.
/// </summary>
public sealed class SyslogSink : ILogEventSink, IDisposable
{
    private readonly object _gate = new();
    private readonly string _socketPath;
    private readonly string _tag;
    private readonly SyslogFacility _facility;
    private readonly int _pid;
    private readonly TextWriter _fallback;
    private Socket? _socket;

    /// <summary>A sink for <paramref name="tag"/> (SONiC's "container#program") on <paramref name="socketPath"/>.</summary>
    public SyslogSink(string socketPath, string tag, SyslogFacility facility, int pid, TextWriter fallback)
    {
        _socketPath = socketPath;
        _tag = tag;
        _facility = facility;
        _pid = pid;
        _fallback = fallback;
    }

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        string message = Render(logEvent);
        if (logEvent.Exception is { } ex)
            message += " (" + ex.GetType().Name + ": " + ex.Message + ")";
        byte[] datagram = SyslogFormatter.Format(_facility, logEvent.Level, logEvent.Timestamp, _tag, _pid, message);
        lock (_gate)
        {
            if (TrySend(datagram) || (Reset() && TrySend(datagram)))
                return;
            WriteFallback(logEvent.Level, message);
        }
    }

    /// <summary>
    /// The message with string properties unquoted: Serilog's RenderMessage() writes "Ethernet0" with quotes,
    /// which SONiC's log lines never have.
    /// </summary>
    internal static string Render(LogEvent logEvent)
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is Serilog.Parsing.PropertyToken p
                && logEvent.Properties.TryGetValue(p.PropertyName, out var value)
                && value is ScalarValue { Value: string text })
                writer.Write(text);
            else
                token.Render(logEvent.Properties, writer, System.Globalization.CultureInfo.InvariantCulture);
        }
        return writer.ToString();
    }

    private bool TrySend(byte[] datagram)
    {
        try
        {
            _socket ??= Connect();
            _socket.Send(datagram);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
            // Non-blocking: a stalled syslog daemon must never stall the program; a full socket falls back to stderr.
            socket.Blocking = false;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool Reset()
    {
        _socket?.Dispose();
        _socket = null;
        return true;
    }

    private void WriteFallback(LogEventLevel level, string message)
    {
        try
        {
            _fallback.WriteLine($"{_tag}[{_pid}]: {LevelName(level)}: {message}");
            _fallback.Flush();
        }
        catch (IOException)
        {
            // stderr is gone too; there is nowhere left to report to.
        }
    }

    private static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "CRIT",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Warning => "WARNING",
        LogEventLevel.Information => "INFO",
        _ => "DEBUG",
    };

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
            Reset();
    }
}
