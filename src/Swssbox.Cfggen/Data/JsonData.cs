using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Swssbox.Templates.Values;

namespace Swssbox.Cfggen.Data;

/// <summary>An input that cannot be used: the file (or option), the line and column when known, and why.</summary>
public sealed class CfggenDataException(string message) : Exception(message);

/// <summary>JSON in and out as Python's json module does it: ints stay ints, floats floats, objects keep their order.</summary>
public static class JsonData
{
    /// <summary>json.load of a file.</summary>
    public static object? LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CfggenDataException($"{path}: {Describe(e)}");
        }
        return Parse(bytes, path);
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        _ => e.Message,
    };

    /// <summary>json.loads; <paramref name="source"/> names the input in errors.</summary>
    public static object? Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
            if (!reader.Read())
                throw new CfggenDataException($"{source}: line 1 column 1: Expecting value");
            var value = ReadValue(ref reader);
            if (reader.Read())
                throw new CfggenDataException($"{source}: Extra data after the JSON value");
            return value;
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1, col = (e.BytePositionInLine ?? 0) + 1;
            string why = e.Message;
            int cut = why.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
                why = why[..cut].TrimEnd();
            throw new CfggenDataException($"{source}: line {line} column {col}: invalid JSON: {why}");
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var dict = new PyDict();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = reader.GetString()!;
                    reader.Read();
                    dict[key] = ReadValue(ref reader);
                }
                return dict;
            case JsonTokenType.StartArray:
                var list = new PyList();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(ReadValue(ref reader));
                return list;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long l))
                    return l;
                var raw = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            default: return null;
        }
    }

    /// <summary>FormatConverter.to_deserialized: second-level keys with '|' become tuples and move after the plain keys.</summary>
    public static object? ToDeserialized(object? data)
    {
        if (data is not PyDict top)
            return data;
        foreach (var table in top.Values)
        {
            if (table is not PyDict rows)
                continue;
            foreach (var key in rows.Keys.ToList())
            {
                if (key is string s && s.Contains('|'))
                {
                    var value = rows[key];
                    rows.Remove(key);
                    rows[PyTuple.Of(s.Split('|'))] = value;
                }
            }
        }
        return data;
    }

    /// <summary>sonic-cfggen's deep_update: dicts merge recursively (new keys appended), everything else replaces.</summary>
    public static PyDict DeepUpdate(PyDict dst, object? src)
    {
        if (src is not PyDict source)
            throw new CfggenDataException($"the data is a {PyOps.TypeName(src)}, not a JSON object");
        var pending = new Queue<(PyDict, PyDict)>();
        pending.Enqueue((dst, source));
        while (pending.Count > 0)
        {
            var (d, s) = pending.Dequeue();
            foreach (var kv in s.Items)
            {
                if (kv.Value is PyDict sub)
                {
                    if (!d.TryGetValue(kv.Key, out var node))
                    {
                        node = new PyDict { ReprName = sub.ReprName };
                        d[kv.Key] = node;
                    }
                    if (node is not PyDict target)
                        throw new CfggenDataException($"cannot merge a dict into the {PyOps.TypeName(node)} at {PyRepr.Repr(kv.Key)}");
                    pending.Enqueue((target, sub));
                }
                else
                {
                    d[kv.Key] = kv.Value;
                }
            }
        }
        return dst;
    }

    /// <summary>ConfigDBConnector.serialize_key: a tuple joins with '|', anything else is str().</summary>
    public static string SerializeKey(object? key) => key is PyTuple t ? string.Join('|', t.Items.Select(PyRepr.Str)) : PyRepr.Str(key);

    /// <summary>FormatConverter.to_serialized: every key serialized in place (changed keys move to the end), recursively.</summary>
    public static object? ToSerialized(object? data)
    {
        if (data is not PyDict d)
            return data;
        foreach (var key in d.Keys.ToList())
        {
            string newKey = SerializeKey(key);
            if (!(key is string s && s == newKey))
            {
                var value = d[key];
                d.Remove(key);
                d[newKey] = value;
            }
            d[newKey] = ToSerialized(d[newKey]);
        }
        return d;
    }

    /// <summary>FormatConverter.to_serialized with a lookup key (-K): the first key equal to it or a tuple containing it.</summary>
    public static PyDict ToSerializedLookup(object? data, string lookup)
    {
        var result = new PyDict();
        if (data is not PyDict d)
            return result;
        foreach (var key in d.Keys.ToList())
        {
            if ((key is string s && s == lookup) || (key is PyTuple t && t.Items.Any(i => i is string x && x == lookup)))
            {
                result[SerializeKey(key)] = d[key];
                d.Remove(key);
                break;
            }
        }
        return result;
    }
}
