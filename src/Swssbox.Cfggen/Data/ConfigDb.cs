using StackExchange.Redis;
using Swssbox.Sonic.Connection;
using Swssbox.Templates.Values;

namespace Swssbox.Cfggen.Data;

/// <summary>
/// CONFIG_DB as swss-common's ConfigDBPipeConnector reads and writes it: tables, rows and fields in byte order
/// (its std::maps), "TABLE|k1|k2" rows as tuples, "field@" as comma-split lists, the "NULL" placeholder dropped.
/// </summary>
public static class ConfigDb
{
    // One round trip: every hash whose key has a '|', with its fields (the pipe connector's SCAN + HGETALL).
    private const string DumpScript = """
        local out = {}
        for _, k in ipairs(redis.call('KEYS', '*')) do
          if string.find(k, '|', 1, true) and redis.call('TYPE', k)['ok'] == 'hash' then
            out[#out + 1] = k
            out[#out + 1] = redis.call('HGETALL', k)
          end
        end
        return out
        """;

    /// <summary>Blocks until CONFIG_DB_INITIALIZED is non-empty (db_connect with wait_for_init), then reads everything.</summary>
    public static PyDict Read(DbConnector db, bool waitForInit = true)
    {
        if (waitForInit)
        {
            while (true)
            {
                var flag = db.Run("GET CONFIG_DB_INITIALIZED", d => d.StringGet("CONFIG_DB_INITIALIZED"));
                if (!flag.IsNullOrEmpty)
                    break;
                Thread.Sleep(100);
            }
        }
        var reply = db.Run("EVAL (config dump)", d => (RedisResult[])d.ScriptEvaluate(DumpScript)!);
        var tables = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < reply.Length; i += 2)
        {
            string key = (string)reply[i]!;
            int bar = key.IndexOf('|');
            string table = key[..bar], row = key[(bar + 1)..];
            var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var pairs = (RedisResult[])reply[i + 1]!;
            for (int j = 0; j + 1 < pairs.Length; j += 2)
                fields[(string)pairs[j]!] = (string)pairs[j + 1]!;
            if (!tables.TryGetValue(table, out var rows))
                tables[table] = rows = new(StringComparer.Ordinal);
            rows[row] = fields;
        }
        var data = new PyDict();
        foreach (var (table, rows) in tables)
        {
            var typedRows = new PyDict();
            foreach (var (row, fields) in rows)
                typedRows[DeserializeKey(row)] = RawToTyped(fields);
            data[table] = typedRows;
        }
        return data;
    }

    /// <summary>ConfigDBConnector.deserialize_key: "a|b" → ('a', 'b').</summary>
    public static object DeserializeKey(string key) => key.Contains('|') ? PyTuple.Of(key.Split('|')) : key;

    private static PyDict RawToTyped(SortedDictionary<string, string> raw)
    {
        var typed = new PyDict();
        foreach (var (field, value) in raw)
        {
            if (field == "NULL")
                continue;
            if (field.EndsWith('@'))
                typed[field[..^1]] = Templates.Values.PyMethods.Split(value, ",");
            else
                typed[field] = value;
        }
        return typed;
    }

    /// <summary>mod_config: for each upper-case table, HMSET every row (lists as "field@", empty rows as NULL:NULL); None deletes.</summary>
    public static void Write(DbConnector db, PyDict data)
    {
        var batch = new List<Func<IDatabaseAsync, Task>>();
        foreach (var kv in data.Items)
        {
            if (kv.Key is not string table || table.Length == 0 || !char.IsUpper(table[0]))
                continue;
            if (kv.Value is null)
            {
                var existing = db.Run("KEYS " + table, d => (RedisResult[])d.Execute("KEYS", table.ToUpperInvariant() + "|*")!);
                foreach (var k in existing)
                    batch.Add(d => d.KeyDeleteAsync((string)k!));
                continue;
            }
            if (kv.Value is not PyDict rows)
                continue;
            foreach (var row in rows.Items)
            {
                string hash = table.ToUpperInvariant() + "|" + JsonData.SerializeKey(row.Key);
                if (row.Value is null)
                {
                    batch.Add(d => d.KeyDeleteAsync(hash));
                    continue;
                }
                var entries = TypedToRaw(row.Value);
                batch.Add(d => d.HashSetAsync(hash, entries));
            }
        }
        db.Run("MULTI (mod_config)", d =>
        {
            var tx = d.CreateBatch();
            var tasks = batch.Select(b => b(tx)).ToArray();
            tx.Execute();
            Task.WaitAll(tasks);
            return true;
        });
    }

    private static HashEntry[] TypedToRaw(object? row)
    {
        if (row is not PyDict fields)
            throw new CfggenDataException($"a CONFIG_DB row must be an object, not {PyOps.TypeName(row)}");
        if (fields.Count == 0)
            return [new HashEntry("NULL", "NULL")];
        var entries = new List<HashEntry>();
        foreach (var kv in fields.Items)
        {
            string name = PyRepr.Str(kv.Key);
            if (kv.Value is PyList list)
                entries.Add(new HashEntry(name + "@", string.Join(',', list.Select(PyRepr.Str))));
            else
                entries.Add(new HashEntry(name, PyRepr.Str(kv.Value)));
        }
        return [.. entries];
    }
}
