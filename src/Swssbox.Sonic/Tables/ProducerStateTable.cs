using StackExchange.Redis;
using Swssbox.Sonic.Connection;

namespace Swssbox.Sonic.Tables;

/// <summary>
/// Writes updates for a <see cref="ConsumerStateTable"/> (swss-common ProducerStateTable): fields go to the staging
/// hash "_T:key", the key to "T_KEY_SET" (and "T_DEL_SET" for deletes), and the first pending update publishes
/// "G" on "T_CHANNEL@db". Unbuffered, each call is one round trip; buffered, calls are pipelined until
/// <see cref="Flush"/>. Either way a Redis restart only delays an update: it is retried until it lands.
/// </summary>
public sealed class ProducerStateTable
{
    private readonly DbConnector _db;
    private readonly bool _buffered;
    private readonly List<(RedisScript Script, RedisKey[] Keys, RedisValue[] Args, Task<RedisResult> Sent)> _pending = new();

    /// <summary>A producer for table <paramref name="name"/>; <paramref name="buffered"/> pipelines until Flush.</summary>
    public ProducerStateTable(DbConnector db, string name, bool buffered = false)
    {
        _db = db;
        _buffered = buffered;
        Name = new TableName(name, db.Separator, db.Id);
    }

    /// <summary>Key names derived from the table name.</summary>
    public TableName Name { get; }

    /// <summary>Sets <paramref name="fields"/> of <paramref name="key"/> (merged into any pending update).</summary>
    public void Set(string key, IReadOnlyList<FieldValue> fields)
    {
        var keys = new RedisKey[2 + fields.Count];
        keys[0] = Name.Channel;
        keys[1] = Name.KeySet;
        string staging = Name.StagingKeyName(key);
        for (int i = 0; i < fields.Count; i++)
            keys[2 + i] = staging;
        var args = new RedisValue[2 + fields.Count * 2];
        args[0] = TableName.Notification;
        args[1] = key;
        for (int i = 0; i < fields.Count; i++)
        {
            args[2 + i * 2] = fields[i].Field;
            args[3 + i * 2] = fields[i].Value;
        }
        Send(RedisScript.ProducerSet, keys, args);
    }

    /// <summary>Deletes <paramref name="key"/>; a pending set of it is dropped.</summary>
    public void Del(string key)
    {
        RedisKey[] keys = [Name.Channel, Name.KeySet, Name.StagingKeyName(key), Name.DelSet];
        // swss-common sends two literal "''" arguments that the script ignores; we send the same bytes.
        RedisValue[] args = [TableName.Notification, key, "''", "''"];
        Send(RedisScript.ProducerDel, keys, args);
    }

    /// <summary>Sets many keys in one script call (swss-common's batched set).</summary>
    public void Set(IReadOnlyList<(string Key, IReadOnlyList<FieldValue> Fields)> entries)
    {
        if (entries.Count == 0)
            return;
        var keys = new RedisKey[3 + entries.Count];
        keys[0] = Name.Channel;
        keys[1] = Name.KeySet;
        keys[2] = TableName.StagingPrefix + Name.Prefix;
        var args = new List<RedisValue> { TableName.Notification };
        for (int i = 0; i < entries.Count; i++)
        {
            keys[3 + i] = entries[i].Key;
            args.Add(entries[i].Fields.Count);
            foreach (var fv in entries[i].Fields)
            {
                args.Add(fv.Field);
                args.Add(fv.Value);
            }
        }
        Send(RedisScript.ProducerBatchedSet, keys, args.ToArray());
    }

    /// <summary>Number of keys with an update not yet consumed (SCARD T_KEY_SET).</summary>
    public long PendingCount() => _db.Run("SCARD " + Name.KeySet, db => db.SetLength(Name.KeySet));

    /// <summary>
    /// Waits for every pipelined call. Calls that failed on a lost connection form a suffix of the pipeline
    /// (Redis runs a connection's commands in order), so re-sending them in order keeps the update order.
    /// </summary>
    public void Flush()
    {
        if (_pending.Count == 0)
            return;
        try
        {
            Task.WaitAll(_pending.Select(p => (Task)p.Sent).ToArray());
        }
        catch (AggregateException)
        {
            // Sorted out below, per call.
        }
        foreach (var p in _pending)
        {
            if (p.Sent.IsCompletedSuccessfully)
                continue;
            var error = p.Sent.Exception?.GetBaseException();
            if (error is not null && !RedisRetry.IsTransient(error) && !IsNoScript(error))
                throw new RedisReplyException(_db.Endpoint, "EVALSHA " + Name.Name, error.Message, error);
            RedisRetry.Run(_db, "EVALSHA " + Name.Name, () => p.Script.Evaluate(_db.Database, p.Keys, p.Args));
        }
        _pending.Clear();
    }

    private void Send(RedisScript script, RedisKey[] keys, RedisValue[] args)
    {
        if (!_buffered)
        {
            RedisRetry.Run(_db, "EVALSHA " + Name.Name, () => script.Evaluate(_db.Database, keys, args));
            return;
        }
        Task<RedisResult> sent;
        try
        {
            sent = script.EvaluateAsync(_db.Database, keys, args);
        }
        catch (Exception e) when (RedisRetry.IsTransient(e))
        {
            sent = Task.FromException<RedisResult>(e);
        }
        _pending.Add((script, keys, args, sent));
        if (_pending.Count >= 1024)
            Flush();
    }

    private static bool IsNoScript(Exception e) =>
        e is RedisServerException s && s.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal);
}
