using Swssbox.Supervision.Config;

namespace Swssbox.Supervision.Processes;

/// <summary>A process group (supervisor's ProcessGroup / EventListenerPool): its processes in priority order.</summary>
public sealed class ProcessGroup
{
    internal ProcessGroup(Supervisor host, GroupConfig config)
    {
        Config = config;
        Processes = config.Processes.Select(p => new Subprocess(host, p, this)).ToList();
    }

    public GroupConfig Config { get; }
    public string Name => Config.Name;
    public int Priority => Config.Priority;
    public List<Subprocess> Processes { get; }

    /// <summary>Processes not in a stopped state.</summary>
    public IEnumerable<Subprocess> Unstopped => Processes.Where(p => !p.State.IsStopped());

    /// <summary>Transitions every process.</summary>
    public void Transition()
    {
        foreach (var p in Processes)
            p.Transition();
    }

    /// <summary>ProcessGroup.stop_all: descending priority; RUNNING/STARTING stop, BACKOFF gives up.</summary>
    public void StopAll()
    {
        foreach (var p in Processes.OrderByDescending(p => p.Config.Priority).ThenByDescending(p => p.Config.Name, StringComparer.Ordinal))
        {
            if (p.State is ProcessState.Running or ProcessState.Starting)
                p.Stop();
            else if (p.State == ProcessState.Backoff)
                p.GiveUp();
        }
    }
}
