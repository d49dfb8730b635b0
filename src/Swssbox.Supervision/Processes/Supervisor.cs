using System.Diagnostics;
using Swssbox.Native;
using Swssbox.Supervision.Config;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// supervisord's core: one thread, one poll loop (supervisord.py runforever) owning every process. Each pass polls
/// the signal pipe, pidfds, output pipes and the control socket (timeout: the next deadline, at most 1 s), then
/// transitions every group in priority order, reaps every zombie (ours and orphans), handles signals and ticks.
/// </summary>
public sealed partial class Supervisor : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly long _epoch;
    private readonly Dictionary<int, Subprocess> _byPid = new();
    private readonly List<IPollSource> _sources = new();
    private List<ProcessGroup>? _stopGroups;
    private double _lastStopReport;

    /// <summary>Creates a supervisor for <paramref name="config"/>; nothing starts until <see cref="Run"/>.</summary>
    public Supervisor(SupervisorConfig config, IReadOnlyDictionary<string, string> environment, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _epoch = _clock.GetTimestamp();
        Config = config;
        Environment = environment;
        Log = new MainLog(config.LogFile, config.LogFileMaxBytes, config.LogFileBackups, config.NoDaemon && !config.Silent, MainLog.ParseLevel(config.LogLevel));
        Syslog = new Syslog();
        Groups = BuildGroups(config);
        ExecHelper = System.Environment.ProcessPath;
    }

    public SupervisorConfig Config { get; private set; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public MainLog Log { get; }
    public Syslog Syslog { get; }
    public List<ProcessGroup> Groups { get; private set; }
    public SupervisorState Mood { get; internal set; } = SupervisorState.Running;
    /// <summary>Our own binary, used as exec helper for user=/umask=.</summary>
    public string? ExecHelper { get; }
    /// <summary>Event hook: every process state change (the event bus subscribes).</summary>
    public event Action<Subprocess, ProcessState, bool>? StateChanged;
    /// <summary>Supervisor-level events (name, payload): "SUPERVISOR_STATE_CHANGE_RUNNING", "PROCESS_GROUP_ADDED"…</summary>
    public event Action<string, string>? SupervisorEvent;
    /// <summary>Called once per loop pass (ticks, listener dispatch).</summary>
    public event Action? Pass;

    /// <summary>Monotonic seconds since this supervisor was created (never 0 after start: offset by 1).</summary>
    public double Now => 1.0 + _clock.GetElapsedTime(_epoch).TotalSeconds;

    /// <summary>Adds fds to the poll set (control socket, listeners).</summary>
    public void AddSource(IPollSource source) => _sources.Add(source);

    private List<ProcessGroup> BuildGroups(SupervisorConfig config)
    {
        var groups = config.Groups.Select(g => new ProcessGroup(this, g)).ToList();
        foreach (var p in groups.SelectMany(g => g.Processes))
            AssignLogFiles(p);
        return groups;
    }

    private void AssignLogFiles(Subprocess p)
    {
        string? Resolve(LogTarget t, string channel)
        {
            if (t.File is not null) return t.File;
            if (!t.Auto) return null;
            string dir = Config.ChildLogDir ?? Path.GetTempPath();
            return Path.Combine(dir, $"{p.Config.Name}-{channel}---{Config.Identifier}-{Guid.NewGuid().ToString("N")[..8]}.log");
        }
        p.StdoutLogFile = Resolve(p.Config.Stdout, "stdout");
        p.StderrLogFile = p.Config.RedirectStderr ? null : Resolve(p.Config.Stderr, "stderr");
    }

    /// <summary>Every process, groups in priority order.</summary>
    public IEnumerable<Subprocess> AllProcesses => Groups.SelectMany(g => g.Processes);

    internal void Register(Subprocess p) => _byPid[p.Pid] = p;

    /// <summary>A process was just spawned (its pipes exist).</summary>
    public event Action<Subprocess>? Spawned;

    internal void OnSpawned(Subprocess p) => Spawned?.Invoke(p);

    internal void OnStateChange(Subprocess p, ProcessState from, bool expected)
    {
        _changed = true;
        StateChanged?.Invoke(p, from, expected);
    }

    // A state changed during this pass: poll without waiting, so dependents and listeners see it at once.
    private bool _changed;

    /// <summary>SONiC dependent startup: every dependent_startup_wait_for program is in the wanted state.</summary>
    internal bool DependenciesMet(Subprocess p)
    {
        foreach (var dep in p.Config.WaitFor)
        {
            var others = AllProcesses.Where(o => o.Config.ProgramName == dep.Program || o.Group.Name == dep.Program).ToList();
            if (others.Count == 0)
                return false;
            foreach (var o in others)
                if (!o.State.Name().Equals(dep.State, StringComparison.OrdinalIgnoreCase))
                    return false;
        }
        return true;
    }

    /// <summary>The child's environment as supervisor builds it (process.py _spawn_as_child).</summary>
    internal List<string> ChildEnvironment(Subprocess p)
    {
        var env = new Dictionary<string, string>(Environment, StringComparer.Ordinal)
        {
            ["SUPERVISOR_ENABLED"] = "1",
            ["SUPERVISOR_PROCESS_NAME"] = p.Config.Name,
            ["SUPERVISOR_GROUP_NAME"] = p.Group.Name,
        };
        string? url = p.Config.ServerUrl ?? (Config.UnixServer is { } u ? "unix://" + u.File : null);
        if (url is not null)
            env["SUPERVISOR_SERVER_URL"] = url;
        foreach (var (k, v) in Config.Environment) env[k] = v;
        foreach (var (k, v) in p.Config.Environment) env[k] = v;
        if (p.Notify is { } n)
            env[Swssbox.Notify.SdNotify.SocketVariable] = n.Address;
        return env.Select(kv => kv.Key + "=" + kv.Value).ToList();
    }

    /// <summary>Runs until shutdown; returns the exit code (0). Reload (SIGHUP, RPC restart) loops inside.</summary>
    public int Run(SignalPipe signals)
    {
        foreach (var w in Config.Warnings)
            Log.Info(w);
        Log.Info($"supervisord started with pid {System.Environment.ProcessId}");
        foreach (var g in Groups)
            SupervisorEvent?.Invoke("PROCESS_GROUP_ADDED", $"groupname:{g.Name}\n");
        SupervisorEvent?.Invoke("SUPERVISOR_STATE_CHANGE_RUNNING", "");
        while (true)
        {
            // Transitions come before the poll so the first spawns happen at once (supervisor 4.2.5 waits a
            // whole poll timeout first; Supervisor#1700).
            if (Mood < SupervisorState.Running && ShutdownStep())
            {
                if (Mood == SupervisorState.Restarting && Reload())
                    continue;
                return 0;
            }
            _changed = false;
            foreach (var g in Groups)
            {
                try { g.Transition(); }
                catch (Exception e) when (e is not OutOfMemoryException) { Log.Critical($"error transitioning group {g.Name}: {e.Message}"); }
            }
            Reap();
            foreach (int sig in signals.Take())
                HandleSignal(sig);
            Pass?.Invoke();
            CollectIfNeeded();
            bool popped = false;
            if (Mood < SupervisorState.Running && _stopGroups is { Count: > 0 } sg && !sg[^1].Unstopped.Any())
            {
                sg.RemoveAt(sg.Count - 1);
                popped = true;
            }
            if (Mood < SupervisorState.Running && (_stopGroups is null || popped))
                continue; // shutdown just began, or a group is done: stop the next one without waiting
            PollOnce(signals);
        }
    }

    // The GC sizes gen0 to the CPU cache (tens of MB) before it first collects; PID 1's whole heap is about 1 MB, so
    // a full collection after every MiB allocated keeps resident memory flat at well under a millisecond each.
    private long _allocatedAtLastCollect;

    private void CollectIfNeeded()
    {
        long allocated = GC.GetTotalAllocatedBytes(false);
        if (allocated - _allocatedAtLastCollect < 1 << 20)
            return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        _allocatedAtLastCollect = GC.GetTotalAllocatedBytes(false);
    }

    private void PollOnce(SignalPipe signals)
    {
        var entries = new List<(Libc.PollFd Fd, Action<short> Ready)>
        {
            (new Libc.PollFd { Fd = signals.Fd, Events = Libc.PollIn }, _ => { }),
        };
        foreach (var p in AllProcesses)
        {
            if (p.PidFd >= 0)
                entries.Add((new Libc.PollFd { Fd = p.PidFd, Events = Libc.PollIn }, _ => { }));
            if (p.Stdout is { Fd: >= 0 } o)
                entries.Add((new Libc.PollFd { Fd = o.Fd, Events = Libc.PollIn }, _ => o.Drain()));
            if (p.Stderr is { Fd: >= 0 } e)
                entries.Add((new Libc.PollFd { Fd = e.Fd, Events = Libc.PollIn }, _ => e.Drain()));
            if (p.Notify is { } n && p.State == ProcessState.Starting)
                entries.Add((new Libc.PollFd { Fd = n.Fd, Events = Libc.PollIn }, _ =>
                {
                    if (n.ReadReady())
                        p.BecomeRunning("entered RUNNING state, process sent READY=1 (notify)");
                }));
        }
        foreach (var s in _sources)
            s.Collect(entries);
        var fds = new Libc.PollFd[entries.Count];
        for (int i = 0; i < fds.Length; i++) fds[i] = entries[i].Fd;
        Libc.Poll(fds, TimeoutMs());
        for (int i = 0; i < fds.Length; i++)
        {
            if (fds[i].Revents == 0)
                continue;
            try { entries[i].Ready(fds[i].Revents); }
            catch (Exception e) when (e is not OutOfMemoryException) { Log.Critical($"error handling fd {fds[i].Fd}: {e.Message}"); }
        }
    }

    private int TimeoutMs()
    {
        double now = Now;
        double next = now + 1.0;
        if (_changed)
            return 0;
        foreach (var p in AllProcesses)
            next = Math.Min(next, p.NextDeadline());
        if (Mood < SupervisorState.Running)
            next = Math.Min(next, now + 0.1);
        return (int)Math.Clamp(Math.Ceiling((next - now) * 1000), 0, 1000);
    }

    /// <summary>Reaps now (RPC start/stop do, to see a quick exit at once).</summary>
    internal void ReapNow() => Reap();

    /// <summary>Reaps every waiting zombie: ours go through finish(), orphans are logged as supervisor does.</summary>
    private void Reap()
    {
        while (Libc.ReapAny() is { } r)
        {
            if (_byPid.Remove(r.Pid, out var p))
            {
                try { p.Finish(r); }
                catch (Exception e) when (e is not OutOfMemoryException) { Log.Critical($"error finishing {p.Config.Name}: {e.Message}"); }
            }
            else
            {
                string msg = r.Exited ? $"exit status {r.ExitCode}" : $"terminated by {Signals.Name(r.TermSignal)}";
                Log.Info($"reaped unknown pid {r.Pid} ({msg})");
            }
        }
    }

    private void HandleSignal(int sig)
    {
        switch (sig)
        {
            case SignalPipe.SigTerm or SignalPipe.SigInt or SignalPipe.SigQuit:
                Log.Warn($"received {Signals.Name(sig)} indicating exit request");
                RequestShutdown();
                break;
            case SignalPipe.SigHup:
                if (Mood == SupervisorState.Shutdown)
                    Log.Warn("ignored SIGHUP indicating restart request (shutdown in progress)");
                else
                {
                    Log.Warn("received SIGHUP indicating restart request");
                    RequestRestart();
                }
                break;
            case SignalPipe.SigUsr2:
                Log.Info("received SIGUSR2 indicating log reopen request");
                Log.Reopen();
                foreach (var p in AllProcesses) p.ReopenLogs();
                break;
        }
    }

    /// <summary>Begins an orderly shutdown (SIGTERM, RPC shutdown).</summary>
    public void RequestShutdown() => Mood = SupervisorState.Shutdown;

    /// <summary>Begins a stop-everything-and-reload (SIGHUP, RPC restart).</summary>
    public void RequestRestart()
    {
        if (Mood != SupervisorState.Shutdown)
            Mood = SupervisorState.Restarting;
    }

    /// <summary>One shutdown pass: stop the highest-priority group left; true once nothing is running.</summary>
    private bool ShutdownStep()
    {
        if (_stopGroups is null)
        {
            _stopGroups = Groups.ToList();
            SupervisorEvent?.Invoke("SUPERVISOR_STATE_CHANGE_STOPPING", "");
        }
        if (_stopGroups.Count > 0)
            _stopGroups[^1].StopAll();
        var unstopped = AllProcesses.Where(p => !p.State.IsStopped()).ToList();
        if (unstopped.Count == 0)
            return true;
        double now = Now;
        if (now > _lastStopReport + 3)
        {
            Log.Info($"waiting for {string.Join(", ", unstopped.Select(p => p.Config.Name))} to die");
            _lastStopReport = now;
        }
        return false;
    }

    /// <summary>SIGHUP: read the configuration again and start over; false (exit) when it is now broken.</summary>
    private bool Reload()
    {
        try
        {
            var config = ConfigLoader.Load(Config.ConfigFile, Environment);
            foreach (var p in AllProcesses) p.Close();
            Config = config;
            Groups = BuildGroups(config);
            _stopGroups = null;
            Mood = SupervisorState.Running;
            foreach (var g in Groups)
                SupervisorEvent?.Invoke("PROCESS_GROUP_ADDED", $"groupname:{g.Name}\n");
            SupervisorEvent?.Invoke("SUPERVISOR_STATE_CHANGE_RUNNING", "");
            return true;
        }
        catch (ConfigException e)
        {
            Log.Critical($"could not reload configuration: {e.Message}");
            return false;
        }
    }

    /// <summary>Replaces the group set after reloadConfig/update (RPC): added groups start, removed ones must be stopped.</summary>
    internal void ReplaceConfig(SupervisorConfig config) => Config = config;

    /// <summary>Adds a group from <see cref="Config"/> (addProcessGroup).</summary>
    internal ProcessGroup AddGroup(GroupConfig g)
    {
        var group = new ProcessGroup(this, g);
        foreach (var p in group.Processes) AssignLogFiles(p);
        Groups.Add(group);
        Groups.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Name, b.Name));
        SupervisorEvent?.Invoke("PROCESS_GROUP_ADDED", $"groupname:{g.Name}\n");
        return group;
    }

    /// <summary>Removes a stopped group (removeProcessGroup).</summary>
    internal void RemoveGroup(ProcessGroup g)
    {
        foreach (var p in g.Processes) p.Close();
        Groups.Remove(g);
        SupervisorEvent?.Invoke("PROCESS_GROUP_REMOVED", $"groupname:{g.Name}\n");
    }

    public void Dispose()
    {
        foreach (var p in AllProcesses) p.Close();
        Log.Dispose();
        Syslog.Dispose();
    }
}
