using StackExchange.Redis;
using Swssbox.Sonic.Connection;

namespace Swssbox.Sonic.Tables;

/// <summary>
/// Reads what a <see cref="ProducerStateTable"/> (ours or swss-common's) wrote: each pop moves up to a batch of
/// pending keys from the staging hashes into the table and returns them as SET (only the fields that changed)
/// or DEL. Nothing is lost while Redis restarts: pending keys stay in T_KEY_SET, the channel is resubscribed,
/// and <see cref="WaitForData"/> also wakes on its timeout so a missed notification costs at most one wait.
/// </summary>
public sealed class ConsumerStateTable : IDisposable
{
    /// <summary>swss-common's DEFAULT_POP_BATCH_SIZE.</summary>
    public const int DefaultPopBatchSize = 128;

    private readonly DbConnector _db;
    private readonly ManualResetEventSlim _notified = new(false);
    private readonly ChannelMessageQueue _channel;
    private readonly RedisValue[] _popArgs;
    private readonly string _receiptPrefix;
    private long _receiptSerial;
    private string _previousReceipt;

    /// <summary>A consumer of table <paramref name="name"/> popping up to <paramref name="popBatchSize"/> keys at a time.</summary>
    public ConsumerStateTable(DbConnector db, string name, int popBatchSize = DefaultPopBatchSize)
    {
        _db = db;
        Name = new TableName(name, db.Separator, db.Id);
        _popArgs = [popBatchSize, TableName.StagingPrefix];
        // Receipts live outside every SONiC table's key space; one per consumer instance.
        _receiptPrefix = $"SWSSBOX_POP_RECEIPT|{name}|{Guid.NewGuid():N}|";
        _previousReceipt = _receiptPrefix + "0";
        // Subscribe before counting, so an update published in between is not missed.
        _channel = RedisRetry.Run(db, "SUBSCRIBE " + Name.Channel, () => db.Subscriber.Subscribe(RedisChannel.Literal(Name.Channel)));
        _channel.OnMessage(_ => _notified.Set());
        if (db.Run("SCARD " + Name.KeySet, d => d.SetLength(Name.KeySet)) > 0)
            _notified.Set();
    }

    /// <summary>Key names derived from the table name.</summary>
    public TableName Name { get; }

    /// <summary>
    /// Waits until a notification arrives or <paramref name="timeout"/> passes. True means "pop now"; on false a
    /// caller may pop anyway (the backstop against a notification lost while Redis was away).
    /// </summary>
    public bool WaitForData(TimeSpan timeout) => _notified.Wait(timeout);

    /// <summary>Pops one batch. An empty list means nothing was pending.</summary>
    public IReadOnlyList<KeyOpFieldsValues> Pops()
    {
        _notified.Reset();
        string receipt = _receiptPrefix + (++_receiptSerial).ToString(System.Globalization.CultureInfo.InvariantCulture);
        RedisKey[] keys = [Name.KeySet, Name.Prefix, Name.DelSet, receipt, _previousReceipt];
        bool retried = false;
        var updates = RedisRetry.Run(_db, "EVALSHA pops " + Name.Name, () =>
        {
            // After a lost reply the script may have run: its receipt holds what it popped.
            if (retried && (string?)_db.Database.StringGet(receipt) is { } kept)
                return ParseReceipt(kept);
            retried = true;
            return Parse(RedisScript.ConsumerPops.Evaluate(_db.Database, keys, _popArgs));
        });
        _previousReceipt = receipt;
        if (updates.Count > 0)
            _notified.Set(); // there may be more than one batch pending
        return updates;
    }

    /// <summary>Pops until nothing is pending.</summary>
    public IReadOnlyList<KeyOpFieldsValues> PopAll()
    {
        var all = new List<KeyOpFieldsValues>();
        while (true)
        {
            var batch = Pops();
            if (batch.Count == 0)
                return all;
            all.AddRange(batch);
        }
    }

    /// <summary>Reads a receipt: the script's result as cjson wrote it ({{key, {f, v, …}}, …}; an empty table is {}).</summary>
    private static List<KeyOpFieldsValues> ParseReceipt(string json)
    {
        var list = new List<KeyOpFieldsValues>();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            string key = item[0].GetString()!;
            var flat = item[1].ValueKind == System.Text.Json.JsonValueKind.Array ? item[1].EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
            var fields = new FieldValue[flat.Length / 2];
            for (int i = 0; i < fields.Length; i++)
                fields[i] = new FieldValue(flat[i * 2], flat[i * 2 + 1]);
            list.Add(new KeyOpFieldsValues(key, fields.Length == 0 ? TableOp.Del : TableOp.Set, fields));
        }
        return list;
    }

    private static List<KeyOpFieldsValues> Parse(RedisResult result)
    {
        var list = new List<KeyOpFieldsValues>();
        if (result.IsNull || result.Resp2Type != ResultType.Array)
            return list;
        foreach (var item in (RedisResult[])result!)
        {
            var pair = (RedisResult[])item!;
            string key = (string)pair[0]!;
            var flat = (RedisResult[])pair[1]!;
            var fields = new FieldValue[flat.Length / 2];
            for (int i = 0; i < fields.Length; i++)
                fields[i] = new FieldValue((string)flat[i * 2]!, (string)flat[i * 2 + 1]!);
            list.Add(new KeyOpFieldsValues(key, fields.Length == 0 ? TableOp.Del : TableOp.Set, fields));
        }
        return list;
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
            // The connection is going away with us.
        }
        _notified.Dispose();
    }
}
