using StackExchange.Redis;
using Swssbox.Sonic.Connection;

namespace Swssbox.Sonic.Tables;

/// <summary>
/// A plain SONiC table (swss-common Table): one hash per entry at "TABLE&lt;sep&gt;key". Used for CONFIG_DB and
/// STATE_DB and for reading APPL_DB after a consumer has applied updates.
/// </summary>
public sealed class Table
{
    private readonly DbConnector _db;

    /// <summary>The table <paramref name="name"/> on <paramref name="db"/>.</summary>
    public Table(DbConnector db, string name)
    {
        _db = db;
        Name = new TableName(name, db.Separator, db.Id);
    }

    /// <summary>Key names derived from the table name.</summary>
    public TableName Name { get; }

    /// <summary>HSET of every field of <paramref name="key"/> in one command (existing other fields stay).</summary>
    public void Set(string key, IReadOnlyList<FieldValue> fields)
    {
        if (fields.Count == 0)
            return;
        var entries = new HashEntry[fields.Count];
        for (int i = 0; i < fields.Count; i++)
            entries[i] = new HashEntry(fields[i].Field, fields[i].Value);
        string hash = Name.KeyName(key);
        _db.Run("HSET " + hash, db => db.HashSet(hash, entries));
    }

    /// <summary>All fields of <paramref name="key"/>, or null when the entry does not exist.</summary>
    public IReadOnlyList<FieldValue>? Get(string key)
    {
        string hash = Name.KeyName(key);
        var entries = _db.Run("HGETALL " + hash, db => db.HashGetAll(hash));
        return entries.Length == 0 ? null : ToFields(entries);
    }

    /// <summary>One field, or null.</summary>
    public string? HGet(string key, string field)
    {
        string hash = Name.KeyName(key);
        return _db.Run("HGET " + hash, db => (string?)db.HashGet(hash, field));
    }

    /// <summary>Sets one field.</summary>
    public void HSet(string key, string field, string value) => Set(key, [new FieldValue(field, value)]);

    /// <summary>Removes one field.</summary>
    public void HDel(string key, string field)
    {
        string hash = Name.KeyName(key);
        _db.Run("HDEL " + hash, db => db.HashDelete(hash, field));
    }

    /// <summary>Deletes the entry.</summary>
    public void Del(string key)
    {
        string hash = Name.KeyName(key);
        _db.Run("DEL " + hash, db => db.KeyDelete(hash));
    }

    /// <summary>Every entry's key (without the table prefix), sorted ordinally.</summary>
    public IReadOnlyList<string> Keys()
    {
        string prefix = Name.Prefix;
        var found = _db.Run("KEYS " + prefix + "*", db => (RedisResult[])db.Execute("KEYS", GlobEscape(prefix) + "*")!);
        var keys = new List<string>(found.Length);
        foreach (var k in found)
            keys.Add(((string)k!)[prefix.Length..]);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    internal static IReadOnlyList<FieldValue> ToFields(HashEntry[] entries)
    {
        var list = new FieldValue[entries.Length];
        for (int i = 0; i < entries.Length; i++)
            list[i] = new FieldValue(entries[i].Name!, entries[i].Value!);
        return list;
    }

    /// <summary>Escapes Redis glob characters so a table name matches only itself.</summary>
    internal static string GlobEscape(string text)
    {
        if (text.AsSpan().IndexOfAny("*?[]\\") < 0)
            return text;
        var sb = new System.Text.StringBuilder(text.Length + 4);
        foreach (char c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
