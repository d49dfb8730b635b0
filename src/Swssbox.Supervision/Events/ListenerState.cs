using System.Text;
using Swssbox.Supervision.Processes;

namespace Swssbox.Supervision.Events;

/// <summary>The eventlistener protocol states (EventListenerStates).</summary>
public enum ListenerProtocolState { Ready = 10, Busy = 20, Acknowledged = 30, Unknown = 40 }

/// <summary>
/// One listener process's side of the protocol (dispatchers.py PEventListenerDispatcher): "READY\n" moves
/// ACKNOWLEDGED → READY; while BUSY, "RESULT n\n" plus n bytes, "OK" acknowledges and anything else rejects (the
/// event goes back to the head of the pool's buffer). Any other byte sequence is a protocol violation → UNKNOWN,
/// after which the process gets no more events.
/// </summary>
public sealed class ListenerState
{
    private readonly StringBuilder _buffer = new();
    private int? _resultLen;
    private readonly StringBuilder _result = new();

    /// <summary>Current state.</summary>
    public ListenerProtocolState State { get; private set; } = ListenerProtocolState.Acknowledged;

    /// <summary>The event sent and not yet acknowledged.</summary>
    public SupervisorEventRecord? Event { get; private set; }

    /// <summary>Fresh process: ACKNOWLEDGED, nothing pending.</summary>
    public void Reset()
    {
        State = ListenerProtocolState.Acknowledged;
        Event = null;
        _buffer.Clear(); _result.Clear(); _resultLen = null;
    }

    /// <summary>The event was written to the listener's stdin.</summary>
    public void Sent(SupervisorEventRecord e)
    {
        State = ListenerProtocolState.Busy;
        Event = e;
    }

    /// <summary>Takes back the unacknowledged event (the process died while BUSY).</summary>
    public SupervisorEventRecord? TakeEvent()
    {
        var e = Event;
        Event = null;
        return e;
    }

    /// <summary>Feeds stdout bytes; calls <paramref name="rejected"/> for an event to rebuffer.</summary>
    public void Feed(string data, MainLog log, string name, Action<SupervisorEventRecord> rejected)
    {
        _buffer.Append(data);
        while (_buffer.Length > 0)
        {
            switch (State)
            {
                case ListenerProtocolState.Unknown:
                    _buffer.Clear();
                    return;
                case ListenerProtocolState.Acknowledged:
                    if (_buffer.Length < 6) return;
                    if (_buffer.ToString(0, 6) == "READY\n")
                    {
                        State = ListenerProtocolState.Ready;
                        _buffer.Remove(0, 6);
                        Event = null;
                    }
                    else
                    {
                        log.Debug($"{name}: ACKNOWLEDGED -> UNKNOWN");
                        State = ListenerProtocolState.Unknown;
                        _buffer.Clear();
                        Event = null;
                    }
                    break;
                case ListenerProtocolState.Ready:
                    log.Debug($"{name}: READY -> UNKNOWN");
                    State = ListenerProtocolState.Unknown;
                    _buffer.Clear();
                    Event = null;
                    return;
                case ListenerProtocolState.Busy:
                    if (_resultLen is null)
                    {
                        string all = _buffer.ToString();
                        int nl = all.IndexOf('\n');
                        if (nl < 0) return;
                        string line = all[..nl];
                        _buffer.Remove(0, nl + 1);
                        if (!line.StartsWith("RESULT ") || !int.TryParse(line.AsSpan(7), out int len) || len < 0)
                        {
                            log.Debug($"{name}: BUSY -> UNKNOWN (bad result line '{line}')");
                            State = ListenerProtocolState.Unknown;
                            _buffer.Clear();
                            if (Event is { } e) rejected(e);
                            Event = null;
                            return;
                        }
                        _resultLen = len;
                    }
                    int needed = _resultLen.Value - _result.Length;
                    int take = Math.Min(needed, _buffer.Length);
                    _result.Append(_buffer.ToString(0, take));
                    _buffer.Remove(0, take);
                    if (_result.Length < _resultLen) return;
                    string result = _result.ToString();
                    _result.Clear();
                    _resultLen = null;
                    State = ListenerProtocolState.Acknowledged;
                    if (result != "OK")
                    {
                        log.Debug($"{name}: event was rejected");
                        if (Event is { } e) rejected(e);
                    }
                    Event = null;
                    break;
            }
        }
    }
}
