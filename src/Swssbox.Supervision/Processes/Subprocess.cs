using Swssbox.Native;
using Swssbox.Supervision.Config;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// One supervised process and supervisor's state machine for it (process.py Subprocess): spawn, transition (on each
/// loop pass), finish (on reap), stop/kill. All times are monotonic seconds from the supervisor's clock; the
/// wall-clock start/stop are kept only for reports.
/// </summary>
public sealed class Subprocess
{
    private readonly Supervisor _host;

    internal Subprocess(Supervisor host, ProgramConfig config, ProcessGroup group)
    {
        _host = host; Config = config; Group = group;
    }

    public ProgramConfig Config { get; internal set; }
    public ProcessGroup Group { get; }
    public ProcessState State { get; private set; } = ProcessState.Stopped;
    public int Pid { get; private set; }
    public int PidFd { get; private set; } = -1;
    /// <summary>Monotonic time of the last spawn (0 = never started).</summary>
    public double LastStart { get; private set; }
    public DateTimeOffset? StartWall { get; private set; }
    public DateTimeOffset? StopWall { get; private set; }
    public int Backoff { get; private set; }
    /// <summary>BACKOFF: retry after; STOPPING: SIGKILL after; STARTING: RUNNING after.</summary>
    public double Delay { get; private set; }
    public string? SpawnErr { get; private set; }
    public int? ExitStatus { get; private set; }
    public bool Killing { get; private set; }
    public bool AdministrativeStop { get; private set; }
    public OutputChannel? Stdout { get; private set; }
    public OutputChannel? Stderr { get; private set; }
    public int StdinFd { get; private set; } = -1;
    /// <summary>The notify=true datagram socket, when in use.</summary>
    internal NotifySocket? Notify { get; set; }
    /// <summary>Eventlistener protocol state (listeners only).</summary>
    public Events.ListenerState? Listener { get; internal set; }
    /// <summary>Log file paths chosen for this process (AUTO resolved once).</summary>
    public string? StdoutLogFile { get; internal set; }
    public string? StderrLogFile { get; internal set; }

    /// <summary>"group:name", or "name" when they are the same.</summary>
    public string Namespec => Group.Name == Config.Name ? Config.Name : $"{Group.Name}:{Config.Name}";

    private MainLog Log => _host.Log;

    /// <summary>process.py change_state: BACKOFF bumps the backoff and its delay; every change is an event.</summary>
    internal bool ChangeState(ProcessState next, bool expected = true)
    {
        var old = State;
        if (next == old)
            return false;
        State = next;
        if (next == ProcessState.Backoff)
        {
            Backoff++;
            Delay = _host.Now + Backoff;
        }
        _host.OnStateChange(this, old, expected);
        return true;
    }

    /// <summary>Starts the process (STOPPED/EXITED/FATAL/BACKOFF → STARTING, or → BACKOFF on a spawn error).</summary>
    public void Spawn()
    {
        if (Pid != 0)
        {
            Log.Warn($"process '{Config.Name}' already running");
            return;
        }
        Killing = false;
        SpawnErr = null;
        ExitStatus = null;
        AdministrativeStop = false;
        LastStart = _host.Now;
        StartWall = DateTimeOffset.Now;
        ChangeState(ProcessState.Starting);
        string path;
        List<string> argv;
        try
        {
            (path, argv) = Spawner.Resolve(Config, _host.Environment);
        }
        catch (SpawnException e)
        {
            RecordSpawnErr(e.Message);
            ChangeState(ProcessState.Backoff);
            return;
        }
        SpawnedChild child;
        try
        {
            if (Config.Notify)
                Notify ??= NotifySocket.Create(_host, this);
            child = Spawner.Spawn(Config, path, argv, _host.ChildEnvironment(this), Group.Name, _host.ExecHelper);
        }
        catch (Exception e) when (e is NativeCallException or SpawnException or System.Net.Sockets.SocketException)
        {
            string why = e is NativeCallException n && n.ErrorNumber == 24 ? $"too many open files to spawn {Expansion.PyRepr(Config.Name)}"
                : e is NativeCallException nc ? $"couldn't exec {path}: {Errno.Describe(nc.ErrorNumber)}" : e.Message;
            RecordSpawnErr(why);
            ChangeState(ProcessState.Backoff);
            return;
        }
        Pid = child.Pid;
        PidFd = Libc.PidfdOpen(child.Pid);
        StdinFd = child.StdinWrite;
        Stdout = new OutputChannel(child.StdoutRead, "stdout", Config.Name, Config.Stdout, StdoutLogFile, _host.Syslog);
        Stderr = child.StderrRead >= 0 ? new OutputChannel(child.StderrRead, "stderr", Config.Name, Config.Stderr, StderrLogFile, _host.Syslog) : null;
        _host.OnSpawned(this);
        Log.Info($"spawned: '{Config.Name}' with pid {Pid}");
        SpawnErr = null;
        Delay = _host.Now + Config.StartSecs;
        _host.Register(this);
    }

    private void RecordSpawnErr(string message)
    {
        SpawnErr = message;
        Log.Info($"spawnerr: {message}");
    }

    /// <summary>One pass of process.py transition(): autostart/autorestart/backoff retries, RUNNING, FATAL, SIGKILL.</summary>
    public void Transition()
    {
        double now = _host.Now;
        var state = State;
        if (_host.Mood > SupervisorState.Restarting)
        {
            if (state == ProcessState.Exited)
            {
                if (Config.AutoRestart == AutoRestart.Always ||
                    (Config.AutoRestart == AutoRestart.Unexpected && !(ExitStatus is { } es && Config.ExitCodes.Contains(es))))
                    Spawn();
            }
            else if (state == ProcessState.Stopped && LastStart == 0)
            {
                if (Config.AutoStart && !Config.DependentStartup)
                    Spawn();
                else if (Config.DependentStartup && _host.DependenciesMet(this))
                    Spawn();
            }
            else if (state == ProcessState.Backoff)
            {
                if (Backoff <= Config.StartRetries && now > Delay)
                    Spawn();
            }
        }
        if (state == ProcessState.Starting && !Config.Notify && now - LastStart > Config.StartSecs)
            BecomeRunning($"entered RUNNING state, process has stayed up for > than {Config.StartSecs} seconds (startsecs)");
        if (state == ProcessState.Backoff)
        {
            if (Backoff > Config.StartRetries)
            {
                GiveUp();
                Log.Info($"gave up: {Config.Name} entered FATAL state, too many start retries too quickly");
            }
        }
        else if (state == ProcessState.Stopping && Delay - now <= 0)
        {
            Log.Warn($"killing '{Config.Name}' ({Pid}) with SIGKILL");
            Kill(Signals.Kill);
        }
    }

    /// <summary>STARTING → RUNNING (startsecs elapsed, or READY=1 for notify=true).</summary>
    internal void BecomeRunning(string why)
    {
        if (State != ProcessState.Starting)
            return;
        Delay = 0;
        Backoff = 0;
        ChangeState(ProcessState.Running);
        Log.Info($"success: {Config.Name} {why}");
    }

    /// <summary>The next monotonic time at which <see cref="Transition"/> has something to do, or +inf.</summary>
    public double NextDeadline() => State switch
    {
        ProcessState.Starting when !Config.Notify => LastStart + Config.StartSecs + 0.001,
        ProcessState.Backoff => Backoff > Config.StartRetries ? 0 : Delay + 0.001,
        ProcessState.Stopping => Delay,
        _ => double.PositiveInfinity,
    };

    /// <summary>BACKOFF → FATAL.</summary>
    public void GiveUp()
    {
        Delay = 0;
        Backoff = 0;
        ChangeState(ProcessState.Fatal);
    }

    /// <summary>Administrative stop: stopsignal now, SIGKILL after stopwaitsecs.</summary>
    public string? Stop()
    {
        AdministrativeStop = true;
        return Kill(Config.StopSignal);
    }

    /// <summary>process.py kill(): BACKOFF → STOPPED; otherwise signal and STOPPING.</summary>
    public string? Kill(int sig)
    {
        double now = _host.Now;
        if (State == ProcessState.Backoff)
        {
            Log.Debug($"Attempted to kill {Config.Name}, which is in BACKOFF state.");
            ChangeState(ProcessState.Stopped);
            return null;
        }
        if (Pid == 0)
        {
            string msg = $"attempted to kill {Config.Name} with sig {Signals.Name(sig)} but it wasn't running";
            Log.Debug(msg);
            return msg;
        }
        bool asGroup = State == ProcessState.Stopping ? Config.KillAsGroup : Config.StopAsGroup;
        Log.Debug($"killing {Config.Name} (pid {Pid}) {(asGroup ? "process group " : "")}with signal {Signals.Name(sig)}");
        Killing = true;
        Delay = now + Config.StopWaitSecs;
        ChangeState(ProcessState.Stopping);
        int rc = Libc.Kill(asGroup ? -Pid : Pid, sig);
        if (rc == Errno.ESRCH)
            Log.Debug($"unable to signal {Config.Name} (pid {Pid}), it probably just exited on its own: [Errno 3] No such process");
        else if (rc != 0)
        {
            string msg = $"unknown problem killing {Config.Name} ({Pid}):{Errno.Describe(rc)}";
            Log.Critical(msg);
            ChangeState(ProcessState.Unknown);
            Killing = false;
            Delay = 0;
            return msg;
        }
        return null;
    }

    /// <summary>signalProcess: deliver <paramref name="sig"/> without a state change.</summary>
    public string? Signal(int sig)
    {
        if (Pid == 0)
            return $"attempted to send {Config.Name} sig {Signals.Name(sig)} but it wasn't running";
        Log.Debug($"sending {Config.Name} (pid {Pid}) sig {Signals.Name(sig)}");
        int rc = Libc.Kill(Pid, sig);
        if (rc != 0 && rc != Errno.ESRCH)
        {
            string msg = $"unknown problem sending sig {Config.Name} ({Pid}):{Errno.Describe(rc)}";
            Log.Critical(msg);
            ChangeState(ProcessState.Unknown);
            return msg;
        }
        return null;
    }

    /// <summary>process.py finish(): the child was reaped with <paramref name="status"/>.</summary>
    internal void Finish(Libc.Reaped status)
    {
        // Drain what the child wrote before it died, so logs and listener results are complete.
        Stdout?.Dispose(); Stderr?.Dispose();
        Stdout = null; Stderr = null;
        Libc.Close(StdinFd); StdinFd = -1;
        Libc.Close(PidFd); PidFd = -1;
        int es = status.Exited ? status.ExitCode : -1;
        string msg = status.Exited ? $"exit status {es}" : $"terminated by {Signals.Name(status.TermSignal)}{((status.Status & 0x80) != 0 ? " (core dumped)" : "")}";
        double now = _host.Now;
        StopWall = DateTimeOffset.Now;
        bool tooQuickly = State == ProcessState.Starting && now - LastStart < Config.StartSecs;
        bool expected = Config.ExitCodes.Contains(es);
        if (Killing)
        {
            Killing = false;
            Delay = 0;
            ExitStatus = es;
            ChangeState(ProcessState.Stopped);
            if (expected) Log.Info($"stopped: {Config.Name} ({msg})");
            else Log.Warn($"stopped: {Config.Name} ({msg})");
        }
        else if (tooQuickly)
        {
            ExitStatus = null;
            SpawnErr = "Exited too quickly (process log may have details)";
            Log.Warn($"exited: {Config.Name} ({msg}; not expected)");
            ChangeState(ProcessState.Backoff);
        }
        else
        {
            Delay = 0;
            Backoff = 0;
            ExitStatus = es;
            if (State == ProcessState.Starting)
                ChangeState(ProcessState.Running);
            if (expected)
            {
                Log.Info($"exited: {Config.Name} ({msg}; expected)");
                ChangeState(ProcessState.Exited, expected: true);
            }
            else
            {
                SpawnErr = $"Bad exit code {es}";
                Log.Warn($"exited: {Config.Name} ({msg}; not expected)");
                ChangeState(ProcessState.Exited, expected: false);
            }
        }
        Pid = 0;
    }

    /// <summary>Reopens its log files (SIGUSR2).</summary>
    internal void ReopenLogs()
    {
        Stdout?.Reopen();
        Stderr?.Reopen();
    }

    /// <summary>Stops supervising: closes fds (reload/removal).</summary>
    internal void Close()
    {
        Notify?.Dispose();
        Notify = null;
    }
}
