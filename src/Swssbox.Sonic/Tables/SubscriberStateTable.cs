using System.Collections.Concurrent;
using StackExchange.Redis;
using Swssbox.Sonic.Connection;

namespace Swssbox.Sonic.Tables;

/// <summary>
/// Follows a plain table through keyspace notifications (swss-common SubscriberStateTable): first every existing
/// entry as SET, then SET (the whole current hash) for each change and DEL for each removal. Keyspace events must
/// be on; as swsssdk did, we switch them on ourselves. After a reconnect the table is read again and compared
/// with what we had reported, so changes made while Redis was away are not missed.
/// </summary>
public sealed class SubscriberStateTable : IDisposable
{
    private const string Resync = "\0resync";
    private readonly DbConnector _db;
    private readonly Table _table;
    private readonly ConcurrentQueue<(string Key, string Event)> _events = new();
    private readonly ManualResetEventSlim _notified = new(false);
    private readonly ChannelMessageQueue _channel;
    private readonly string _channelPrefix;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Subscribes to table <paramref name="name"/> on <paramref name="db"/>.</summary>
    public SubscriberStateTable(DbConnector db, string name)
    {
        _db = db;
        _table = new Table(db, name);
        Name = _table.Name;
        _channelPrefix = $"__keyspace@{db.Id}__:{Name.Prefix}";
        // Keyspace events are switched on by the first resynchronisation (queued below), before it reads the table.
        _channel = RedisRetry.Run(db, "PSUBSCRIBE " + _channelPrefix + "*",
            () => db.Subscriber.Subscribe(RedisChannel.Pattern(Table.GlobEscape(_channelPrefix) + "*")));
        _channel.OnMessage(OnMessage);
        db.Multiplexer.ConnectionRestored += (_, _) =>
        {
            _events.Enqueue((Resync, ""));
            _notified.Set();
        };
        _events.Enqueue((Resync, ""));
        _notified.Set();
    }

    /// <summary>Key names derived from the table name.</summary>
    public TableName Name { get; }

    /// <summary>Waits for a change or the timeout; true when <see cref="Pops"/> has something.</summary>
    public bool WaitForData(TimeSpan timeout) => _notified.Wait(timeout);

    /// <summary>Every change since the last call, in arrival order.</summary>
    public IReadOnlyList<KeyOpFieldsValues> Pops()
    {
        _notified.Reset();
        var updates = new List<KeyOpFieldsValues>();
        while (_events.TryDequeue(out var e))
        {
            if (e.Key == Resync)
            {
                Resynchronise(updates);
                continue;
            }
            if (e.Event == "del")
            {
                if (_known.Remove(e.Key))
                    updates.Add(new KeyOpFieldsValues(e.Key, TableOp.Del, []));
                continue;
            }
            // Any other event (hset, hdel, rename_to, …): report the whole hash, as swss-common does; a key gone
            // by now is skipped, its del event follows.
            var fields = _table.Get(e.Key);
            if (fields is null)
                continue;
            _known.Add(e.Key);
            updates.Add(new KeyOpFieldsValues(e.Key, TableOp.Set, fields));
        }
        return updates;
    }

    private void OnMessage(ChannelMessage message)
    {
        string channel = message.Channel.ToString();
        if (!channel.StartsWith(_channelPrefix, StringComparison.Ordinal))
            return;
        _events.Enqueue((channel[_channelPrefix.Length..], (string?)message.Message ?? ""));
        _notified.Set();
    }

    private void Resynchronise(List<KeyOpFieldsValues> updates)
    {
        // A restarted Redis has forgotten CONFIG SET; switch the events on again before reading.
        EnableKeyspaceEvents(_db);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in _table.Keys())
        {
            var fields = _table.Get(key);
            if (fields is null)
                continue;
            present.Add(key);
            updates.Add(new KeyOpFieldsValues(key, TableOp.Set, fields));
        }
        foreach (string gone in _known.Where(k => !present.Contains(k)).ToList())
        {
            _known.Remove(gone);
            updates.Add(new KeyOpFieldsValues(gone, TableOp.Del, []));
        }
        _known.UnionWith(present);
    }

    /// <summary>Turns on keyspace events for all key types (swsssdk's "KEA") unless already on; best effort.</summary>
    private static void EnableKeyspaceEvents(DbConnector db)
    {
        try
        {
            var current = db.Run("CONFIG GET", d => (RedisResult[])d.Execute("CONFIG", "GET", "notify-keyspace-events")!);
            string flags = current.Length == 2 ? (string?)current[1] ?? "" : "";
            if (flags.Contains('K') && (flags.Contains('A') || flags.Contains('h')))
                return;
            db.Run("CONFIG SET", d => d.Execute("CONFIG", "SET", "notify-keyspace-events", "KEA"));
        }
        catch (RedisReplyException)
        {
            // CONFIG may be renamed away; then the database's redis.conf has to enable the events.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _channel.Unsubscribe();
        }
        catch (RedisException)
        {
        }
        _notified.Dispose();
    }
}
