using System.Text;
using Swssbox.Native;
using Swssbox.Supervision.Processes;

namespace Swssbox.Supervision.Events;

/// <summary>
/// supervisor's event system for [eventlistener:x] pools (events.py, process.py EventListenerPool): state changes,
/// supervisor state changes and TICK_5/60/3600 become events; each pool whose events= covers one buffers it
/// (buffer_size, oldest dropped on overflow) and hands it, oldest first, to a RUNNING listener that said READY:
/// "ver:3.0 server:ID serial:N pool:P poolserial:N eventname:E len:N\n" + payload.
/// </summary>
public sealed class EventDispatcher
{
    private static readonly int[] TickPeriods = [5, 60, 3600];
    private readonly Supervisor _supervisor;
    private readonly Dictionary<string, List<SupervisorEventRecord>> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _poolSerials = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _ticks = new();
    private long _globalSerial = -1;

    /// <summary>Attaches to <paramref name="supervisor"/>'s hooks.</summary>
    public EventDispatcher(Supervisor supervisor)
    {
        _supervisor = supervisor;
        supervisor.StateChanged += OnStateChanged;
        supervisor.SupervisorEvent += (name, payload) => Publish(new SupervisorEventRecord(name, payload));
        supervisor.Spawned += OnSpawned;
        supervisor.Pass += OnPass;
    }

    private IEnumerable<ProcessGroup> Pools => _supervisor.Groups.Where(g => g.Config.IsEventListenerPool);

    private void OnSpawned(Subprocess p)
    {
        foreach (var channel in new[] { p.Stdout, p.Stderr })
            if (channel is not null && !p.Config.IsEventListener)
                channel.Communication = text => Publish(new SupervisorEventRecord(
                    $"PROCESS_COMMUNICATION_{channel.Channel.ToUpperInvariant()}",
                    $"processname:{p.Config.Name} groupname:{p.Group.Name} pid:{p.Pid}\n{text}"));
        if (!p.Config.IsEventListener || p.Stdout is null)
            return;
        p.Listener ??= new ListenerState();
        p.Listener.Reset();
        if (p.StdinFd >= 0)
            Libc.SetNonBlocking(p.StdinFd); // a listener that stops reading must never block PID 1
        var listener = p.Listener;
        p.Stdout.Consumer = (data, count) =>
            listener.Feed(Encoding.UTF8.GetString(data, 0, count), _supervisor.Log, p.Config.Name, e => Accept(p.Group.Name, p.Group.Config.Processes[0].BufferSize, e, head: true));
    }

    private void OnStateChanged(Subprocess p, ProcessState from, bool expected)
    {
        if (p.Listener is { } l && p.State is not (ProcessState.Running or ProcessState.Starting or ProcessState.Stopping) && l.TakeEvent() is { } pending)
            Accept(p.Group.Name, p.Config.BufferSize, pending, head: true); // died while BUSY: the event goes back
        string extra = p.State switch
        {
            ProcessState.Starting or ProcessState.Backoff => $" tries:{p.Backoff}",
            ProcessState.Running or ProcessState.Stopping or ProcessState.Stopped => $" pid:{p.Pid}",
            ProcessState.Exited => $" expected:{(expected ? 1 : 0)} pid:{p.Pid}",
            _ => "",
        };
        Publish(new SupervisorEventRecord("PROCESS_STATE_" + p.State.Name(),
            $"processname:{p.Config.Name} groupname:{p.Group.Name} from_state:{from.Name()}{extra}"));
    }

    /// <summary>Offers an event to every pool subscribed to it.</summary>
    public void Publish(SupervisorEventRecord e)
    {
        foreach (var pool in Pools)
        {
            var cfg = pool.Config.Processes.Count > 0 ? pool.Config.Processes[0] : null;
            if (cfg is null || !cfg.Events.Any(e.Matches))
                continue;
            Accept(pool.Name, cfg.BufferSize, e, head: false);
        }
    }

    private void Accept(string pool, int bufferSize, SupervisorEventRecord e, bool head)
    {
        if (e.Serial < 0)
            e.Serial = ++_globalSerial;
        if (!e.PoolSerials.ContainsKey(pool))
            e.PoolSerials[pool] = _poolSerials[pool] = _poolSerials.GetValueOrDefault(pool, -1) + 1;
        var buffer = _buffers.TryGetValue(pool, out var b) ? b : _buffers[pool] = new();
        if (buffer.Count >= bufferSize && buffer.Count > 0)
        {
            var discarded = buffer[0];
            buffer.RemoveAt(0);
            _supervisor.Log.Error($"pool {pool} event buffer overflowed, discarding event {discarded.Serial}");
        }
        if (head) buffer.Insert(0, e);
        else buffer.Add(e);
    }

    private void OnPass()
    {
        Tick();
        foreach (var pool in Pools)
        {
            if (!_buffers.TryGetValue(pool.Name, out var buffer))
                continue;
            while (buffer.Count > 0)
            {
                var listener = pool.Processes.FirstOrDefault(p => p.State == ProcessState.Running && p.Listener?.State == ListenerProtocolState.Ready && p.StdinFd >= 0);
                if (listener is null)
                    break;
                var e = buffer[0];
                buffer.RemoveAt(0);
                string envelope = $"ver:3.0 server:{_supervisor.Config.Identifier} serial:{e.Serial} pool:{pool.Name} poolserial:{e.PoolSerials[pool.Name]} eventname:{e.Name} len:{e.Payload.Length}\n{e.Payload}";
                if (!Libc.WriteAll(listener.StdinFd, Encoding.UTF8.GetBytes(envelope)))
                {
                    _supervisor.Log.Debug($"epipe occurred while sending event {e.Serial} to listener {listener.Config.Name}, listener state unchanged");
                    buffer.Insert(0, e);
                    break;
                }
                listener.Listener!.Sent(e);
                _supervisor.Log.Debug($"event {e.Serial} sent to listener {listener.Config.Name}");
            }
        }
    }

    // supervisord.tick(): an event when the wall clock enters a new period slice; none at startup.
    private void Tick()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (int period in TickPeriods)
        {
            long slice = now - now % period;
            if (!_ticks.TryGetValue(period, out long last))
            {
                _ticks[period] = slice;
                continue;
            }
            if (slice != last)
            {
                _ticks[period] = slice;
                Publish(new SupervisorEventRecord($"TICK_{period}", $"when:{slice}"));
            }
        }
    }
}
