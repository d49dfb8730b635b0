using Serilog;
using Swssbox.Native;
using Swssbox.Sonic;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.ProcExitListener;

/// <summary>
/// The real host: CONFIG_DB over a connection opened on first use (retrying up to 2 s: the listener must answer
/// supervisor promptly), and SIGTERM to the parent supervisord. An unreachable CONFIG_DB counts as "auto_restart
/// enabled": stopping the container is what 201811's listener always did, and the safe choice for a dead critical
/// program.
/// </summary>
public sealed class SonicListenerHost(bool unixSocket, ILogger log) : IListenerHost, IDisposable
{
    private DbConnector? _config;

    /// <inheritdoc />
    public string? AutoRestart(string container) => Read("FEATURE", container, "auto_restart");

    /// <inheritdoc />
    public int? HeartbeatAlertIntervalMs(string process) =>
        int.TryParse(Read("HEARTBEAT", process, "alert_interval"), out int ms) ? ms : null;

    /// <inheritdoc />
    public void TerminateSupervisor()
    {
        int parent = Libc.SignalParent(Libc.SigTerm);
        log.Debug("sent SIGTERM to supervisor {Pid}", parent);
    }

    private string? Read(string table, string key, string field)
    {
        try
        {
            // SONiC's listener takes TCP unless -s; so do we.
            _config ??= DbConnector.Open("CONFIG_DB", tcp: !unixSocket, retry: RetryPolicy.For(TimeSpan.FromSeconds(2)), clientName: "supervisor-proc-exit-listener");
            return new Table(_config, table).HGet(key, field);
        }
        catch (SonicDbException e)
        {
            log.Warning("CONFIG_DB {Table}|{Key} unreadable: {Message}", table, key, e.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _config?.Dispose();
}
