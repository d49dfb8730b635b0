namespace Swssbox.Supervision.Config;

/// <summary>Where a child's stdout or stderr goes: a file (with rotation), or nowhere; syslog independently.</summary>
public sealed record LogTarget(string? File, bool Auto, long MaxBytes, int Backups, bool Syslog, long CaptureMaxBytes, bool EventsEnabled);

/// <summary>SONiC's dependent startup: wait for <paramref name="Program"/> to reach <paramref name="State"/> (running|exited).</summary>
public sealed record StartupDependency(string Program, string State);

/// <summary>One process of a [program:x] or [eventlistener:x] section (numprocs makes several), with supervisor's defaults.</summary>
public sealed record ProgramConfig
{
    public required string Name { get; init; }
    public required string ProgramName { get; init; }
    public required string Command { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    public string? Directory { get; init; }
    public int? Umask { get; init; }
    public string? User { get; init; }
    public int Priority { get; init; } = 999;
    public bool AutoStart { get; init; } = true;
    public AutoRestart AutoRestart { get; init; } = AutoRestart.Unexpected;
    public int StartSecs { get; init; } = 1;
    public int StartRetries { get; init; } = 3;
    public IReadOnlySet<int> ExitCodes { get; init; } = new HashSet<int> { 0 };
    public int StopSignal { get; init; } = Signals.Term;
    public int StopWaitSecs { get; init; } = 10;
    public bool StopAsGroup { get; init; }
    public bool KillAsGroup { get; init; }
    public bool RedirectStderr { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public required LogTarget Stdout { get; init; }
    public required LogTarget Stderr { get; init; }
    public string? ServerUrl { get; init; }
    /// <summary>Our extension: RUNNING on sd_notify READY=1 rather than after startsecs.</summary>
    public bool Notify { get; init; }
    /// <summary>SONiC's dependent_startup=true: started by dependency resolution, not by autostart.</summary>
    public bool DependentStartup { get; init; }
    public IReadOnlyList<StartupDependency> WaitFor { get; init; } = [];
    /// <summary>Eventlisteners: subscribed event names (empty for programs).</summary>
    public IReadOnlyList<string> Events { get; init; } = [];
    public int BufferSize { get; init; } = 10;
    /// <summary>True for [eventlistener:x].</summary>
    public bool IsEventListener { get; init; }
}

/// <summary>A process group: a [program:x] (group of its numprocs), a [group:x] or an [eventlistener:x] pool.</summary>
public sealed record GroupConfig(string Name, int Priority, IReadOnlyList<ProgramConfig> Processes, bool IsEventListenerPool);
