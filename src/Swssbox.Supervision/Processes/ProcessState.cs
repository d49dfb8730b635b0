namespace Swssbox.Supervision.Processes;

/// <summary>supervisor's process states, with its numeric codes (states.py).</summary>
public enum ProcessState
{
    Stopped = 0,
    Starting = 10,
    Running = 20,
    Backoff = 30,
    Stopping = 40,
    Exited = 100,
    Fatal = 200,
    Unknown = 1000,
}

/// <summary>supervisord's own states (SupervisorStates).</summary>
public enum SupervisorState
{
    Fatal = 2,
    Running = 1,
    Restarting = 0,
    Shutdown = -1,
}

/// <summary>State names and groupings as supervisor spells them.</summary>
public static class States
{
    /// <summary>"RUNNING" etc.</summary>
    public static string Name(this ProcessState s) => s switch
    {
        ProcessState.Stopped => "STOPPED",
        ProcessState.Starting => "STARTING",
        ProcessState.Running => "RUNNING",
        ProcessState.Backoff => "BACKOFF",
        ProcessState.Stopping => "STOPPING",
        ProcessState.Exited => "EXITED",
        ProcessState.Fatal => "FATAL",
        _ => "UNKNOWN",
    };

    /// <summary>"RUNNING", "SHUTDOWN"…</summary>
    public static string Name(this SupervisorState s) => s switch
    {
        SupervisorState.Fatal => "FATAL",
        SupervisorState.Running => "RUNNING",
        SupervisorState.Restarting => "RESTARTING",
        _ => "SHUTDOWN",
    };

    /// <summary>STOPPED, EXITED, FATAL, UNKNOWN: supervisor's STOPPED_STATES.</summary>
    public static bool IsStopped(this ProcessState s) => s is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal or ProcessState.Unknown;

    /// <summary>STARTING, RUNNING, BACKOFF: RUNNING_STATES.</summary>
    public static bool IsRunning(this ProcessState s) => s is ProcessState.Starting or ProcessState.Running or ProcessState.Backoff;
}
