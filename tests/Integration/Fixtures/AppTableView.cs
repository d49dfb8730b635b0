using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// What orchagent would see of an APPL_DB table: a real ConsumerStateTable popping the daemon's updates, applied
/// to a dictionary (SET merges fields, DEL removes the key).
/// </summary>
public sealed class AppTableView : IDisposable
{
    private readonly DbConnector _db;
    private readonly ConsumerStateTable _consumer;
    private readonly Dictionary<string, Dictionary<string, string>> _entries = new(StringComparer.Ordinal);

    /// <summary>Consumes <paramref name="table"/> of APPL_DB on <paramref name="server"/>.</summary>
    public AppTableView(RedisServer server, string table)
    {
        _db = DbConnector.Open(server.Config, "APPL_DB", retry: RetryPolicy.Forever);
        _consumer = new ConsumerStateTable(_db, table, popBatchSize: 4096);
    }

    /// <summary>The current entries after popping everything pending.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Entries
    {
        get
        {
            Refresh();
            return _entries;
        }
    }

    /// <summary>One entry's fields, or null.</summary>
    public Dictionary<string, string>? Get(string key) => Entries.TryGetValue(key, out var e) ? e : null;

    /// <summary>One field, or null.</summary>
    public string? Field(string key, string field) => Get(key) is { } e && e.TryGetValue(field, out var v) ? v : null;

    private void Refresh()
    {
        while (true)
        {
            var updates = _consumer.Pops();
            if (updates.Count == 0)
                return;
            foreach (var u in updates)
            {
                if (u.Op == TableOp.Del)
                {
                    _entries.Remove(u.Key);
                    continue;
                }
                if (!_entries.TryGetValue(u.Key, out var fields))
                    _entries[u.Key] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var fv in u.Fields)
                    fields[fv.Field] = fv.Value;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _consumer.Dispose();
        _db.Dispose();
    }
}
