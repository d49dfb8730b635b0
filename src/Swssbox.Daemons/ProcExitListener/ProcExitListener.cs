using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Serilog;

namespace Swssbox.Daemons.ProcExitListener;

/// <summary>What the listener needs from outside: CONFIG_DB lookups and the way to stop the supervisor.</summary>
public interface IListenerHost
{
    /// <summary>CONFIG_DB FEATURE|&lt;container&gt; auto_restart, or null when unknown.</summary>
    string? AutoRestart(string container);

    /// <summary>CONFIG_DB HEARTBEAT|&lt;process&gt; alert_interval in milliseconds, or null.</summary>
    int? HeartbeatAlertIntervalMs(string process);

    /// <summary>Stops the supervisor (SIGTERM to our parent).</summary>
    void TerminateSupervisor();
}

/// <summary>
/// supervisor-proc-exit-listener (sonic-buildimage src/sonic-supervisord-utilities): a supervisor event listener.
/// When a critical program exits unexpectedly (PROCESS_STATE_EXITED expected:0), and the container's FEATURE
/// auto_restart is not "disabled", it logs "Process 'P' exited unexpectedly. Terminating supervisor 'C'" and
/// SIGTERMs its parent supervisord, so the container stops and systemd restarts the service. With auto_restart
/// disabled it logs "Process 'P' is not running in namespace 'N' (M minutes)." every 60 s until the program runs
/// again. Programs in the watchdog list must print a heartbeat (PROCESS_COMMUNICATION_STDOUT) at least every
/// HEARTBEAT|P alert_interval (default 60 s) or "… is stuck …" is logged.
/// </summary>
public sealed class ProcExitListener(string container, CriticalProcesses critical, CriticalProcesses watched, IListenerHost host, ILogger log)
{
    private static readonly TimeSpan AlertingInterval = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, (long LastAlerted, double DeadMinutes)> _alerting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _heartbeats = new(StringComparer.Ordinal);

    /// <summary>The namespace name used in alerts: NAMESPACE_PREFIX+NAMESPACE_ID, else "host".</summary>
    public static string Namespace =>
        Environment.GetEnvironmentVariable("NAMESPACE_PREFIX") is { Length: > 0 } prefix && Environment.GetEnvironmentVariable("NAMESPACE_ID") is { Length: > 0 } id
            ? prefix + id
            : "host";

    /// <summary>Speaks the protocol on <paramref name="input"/>/<paramref name="output"/> until stdin closes.</summary>
    public int Run(Stream input, TextWriter output)
    {
        var events = new BlockingCollection<SupervisorEvent?>();
        var reader = new Thread(() => ReadEvents(input, events)) { IsBackground = true, Name = "events" };
        reader.Start();
        Send(output, "READY\n");
        while (true)
        {
            if (events.TryTake(out var e, TimeSpan.FromSeconds(1)))
            {
                if (e is null)
                {
                    log.Information("No input received from stdin. Exiting...");
                    return 0;
                }
                Handle(e);
                Send(output, "RESULT 2\nOK");
                Send(output, "READY\n");
            }
            Alert();
        }
    }

    private static void Send(TextWriter output, string text)
    {
        output.Write(text);
        output.Flush();
    }

    /// <summary>Handles one event (public for tests).</summary>
    public void Handle(SupervisorEvent e)
    {
        switch (e.Name)
        {
            case "PROCESS_STATE_EXITED":
                string process = e["processname"], group = e["groupname"];
                if (!critical.Contains(process, group) || e["expected"] != "0")
                    return;
                string? autoRestart = host.AutoRestart(container);
                if (autoRestart != "disabled")
                {
                    log.Information("Process '{Process}' exited unexpectedly. Terminating supervisor '{Container}'", process, container);
                    host.TerminateSupervisor();
                }
                else
                {
                    _alerting[process] = (Stopwatch.GetTimestamp(), 0);
                }
                break;
            case "PROCESS_STATE_RUNNING":
                _alerting.Remove(e["processname"]);
                break;
            case "PROCESS_COMMUNICATION_STDOUT":
                if (watched.Programs.Contains(e["processname"]))
                    _heartbeats[e["processname"]] = Stopwatch.GetTimestamp();
                break;
        }
    }

    private void Alert()
    {
        foreach (var (process, state) in _alerting.ToList())
        {
            var elapsed = Stopwatch.GetElapsedTime(state.LastAlerted);
            if (elapsed < AlertingInterval)
                continue;
            double minutes = state.DeadMinutes + Math.Floor(elapsed.TotalMinutes);
            _alerting[process] = (Stopwatch.GetTimestamp(), minutes);
            log.Error("Process '{Process}' is not running in namespace '{Namespace}' ({Minutes} minutes).", process, Namespace, minutes);
        }
        foreach (var (process, last) in _heartbeats)
        {
            var elapsed = Stopwatch.GetElapsedTime(last);
            double threshold = (host.HeartbeatAlertIntervalMs(process) ?? 60000) / 1000.0;
            if (threshold > 0 && elapsed.TotalSeconds >= threshold)
                log.Warning("Process '{Process}' is stuck in namespace '{Namespace}' ({Minutes} minutes).", process, Namespace, Math.Floor(elapsed.TotalMinutes));
        }
    }

    /// <summary>Reads header line + payload of exactly "len" bytes, repeatedly; null at end of input.</summary>
    private void ReadEvents(Stream input, BlockingCollection<SupervisorEvent?> events)
    {
        try
        {
            while (ReadLine(input) is { } line)
            {
                var headers = SupervisorEvent.Tokens(line);
                int length = SupervisorEvent.Length(headers);
                if (length < 0)
                {
                    log.Warning("Missing 'len' in headers: {Line}", line);
                    continue;
                }
                byte[] payload = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = input.Read(payload, read, length - read);
                    if (n == 0)
                        break;
                    read += n;
                }
                events.Add(new SupervisorEvent(headers, SupervisorEvent.PayloadTokens(Encoding.UTF8.GetString(payload, 0, read))));
            }
        }
        catch (IOException e)
        {
            log.Warning("reading events failed: {Message}", e.Message);
        }
        events.Add(null);
    }

    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0)
                return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray());
            if (b == '\n')
                return Encoding.UTF8.GetString(bytes.ToArray());
            bytes.Add((byte)b);
        }
    }
}
