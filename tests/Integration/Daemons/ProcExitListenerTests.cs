using System.Diagnostics;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>
/// supervisor-proc-exit-listener, the static binary, as an event listener of Debian's Python supervisord (the
/// reference implementation of the protocol; our own supervisord is tested with it elsewhere).
/// </summary>
public sealed class ProcExitListenerTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private string Dir => _redis.Directory;
    private Process? _supervisord;

    private void StartSupervisord(string orchagent = "/bin/sleep 1000", string events = "PROCESS_STATE_EXITED,PROCESS_STATE_RUNNING")
    {
        File.WriteAllText(Path.Combine(Dir, "critical_processes"), "program:orchagent\ngroup:mgrs\n");
        File.WriteAllText(Path.Combine(Dir, "supervisord.conf"), $"""
            [unix_http_server]
            file={Dir}/supervisor.sock

            [supervisord]
            nodaemon=true
            logfile={Dir}/supervisord.log
            pidfile={Dir}/supervisord.pid

            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

            [supervisorctl]
            serverurl=unix://{Dir}/supervisor.sock

            [eventlistener:supervisor-proc-exit-listener]
            command={Repo.Binary} supervisor-proc-exit-listener --container-name swss --critical-file {Dir}/critical_processes --watchdog-file {Dir}/watchdog_processes
            events={events}
            autostart=true
            autorestart=unexpected
            stderr_logfile={Dir}/listener.log
            environment=SONIC_DB_CONFIG_FILE="{_redis.ConfigFile}",SWSSBOX_LOG_SOCKET="{Dir}/no-syslog"

            [program:orchagent]
            command={orchagent}
            startsecs=0
            stdout_capture_maxbytes=1MB

            [program:portsyncd]
            command=/bin/sleep 1000
            startsecs=0

            [program:once]
            command=/bin/true
            startsecs=0
            autorestart=false
            """);
        var psi = new ProcessStartInfo("/usr/bin/supervisord", ["-c", Path.Combine(Dir, "supervisord.conf")])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _supervisord = Process.Start(psi)!;
        Wait.Until(() => Ctl("status").Contains("RUNNING") && Pid("orchagent") > 0 && Pid("portsyncd") > 0, "programs running",
            TimeSpan.FromSeconds(20), () => Ctl("status"));
        Wait.Until(() => Ctl("status", "supervisor-proc-exit-listener").Contains("RUNNING"), "listener running", TimeSpan.FromSeconds(10), Log);
    }

    private string Ctl(params string[] args) =>
        Run.Process("/usr/bin/supervisorctl", new[] { "-c", Path.Combine(Dir, "supervisord.conf") }.Concat(args)).Stdout;

    private int Pid(string program) => int.TryParse(Ctl("pid", program).Trim(), out int pid) ? pid : 0;

    private string Log() => File.Exists(Path.Combine(Dir, "listener.log")) ? File.ReadAllText(Path.Combine(Dir, "listener.log")) : "";

    [Fact]
    public void A_killed_critical_program_stops_supervisord_and_a_non_critical_one_does_not()
    {
        StartSupervisord();
        Run.Process("/bin/kill", ["-KILL", Pid("portsyncd").ToString()]); // not critical
        Thread.Sleep(1500);
        Assert.False(_supervisord!.HasExited, "supervisord stopped for a non-critical program");

        Run.Process("/bin/kill", ["-KILL", Pid("orchagent").ToString()]);
        Assert.True(_supervisord.WaitForExit(15000), "supervisord still running after orchagent died\n" + Log());
        Assert.Contains("Process 'orchagent' exited unexpectedly. Terminating supervisor 'swss'", Log());
    }

    [Fact]
    public void With_auto_restart_disabled_supervisord_keeps_running()
    {
        _redis.Cli("-n", "4", "HSET", "FEATURE|swss", "auto_restart", "disabled");
        StartSupervisord();
        Run.Process("/bin/kill", ["-KILL", Pid("orchagent").ToString()]);
        Thread.Sleep(2000);
        Assert.False(_supervisord!.HasExited, "supervisord stopped although auto_restart is disabled\n" + Log());
        Assert.DoesNotContain("Terminating supervisor", Log());
    }

    [Fact]
    public void A_watched_program_that_stops_its_heartbeat_is_reported_stuck()
    {
        _redis.Cli("-n", "4", "HSET", "HEARTBEAT|orchagent", "alert_interval", "1000");
        File.WriteAllText(Path.Combine(Dir, "watchdog_processes"), "program:orchagent\n");
        // One heartbeat in supervisor's capture-mode tokens, then silence.
        StartSupervisord("/bin/sh -c 'printf \"<!--XSUPERVISOR:BEGIN-->heartbeat<!--XSUPERVISOR:END-->\"; exec sleep 1000'",
            "PROCESS_STATE_EXITED,PROCESS_STATE_RUNNING,PROCESS_COMMUNICATION_STDOUT");
        Wait.Until(() => Log().Contains("Process 'orchagent' is stuck in namespace 'host'"), "stuck warning", TimeSpan.FromSeconds(15), Log);
        Assert.False(_supervisord!.HasExited);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_supervisord is { HasExited: false })
        {
            Run.Process("/bin/kill", ["-TERM", _supervisord.Id.ToString()]);
            if (!_supervisord.WaitForExit(10000))
                _supervisord.Kill(entireProcessTree: true);
        }
        _supervisord?.Dispose();
        _redis.Dispose();
    }
}
