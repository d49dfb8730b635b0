using System.Globalization;
using System.Text;
using System.Text.Json;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.SwssConfig;

/// <summary>One entry of a swssconfig file: SET fields of, or DEL, TABLE:key.</summary>
public sealed record SwssConfigOp(string Table, string Key, bool Delete, IReadOnlyList<FieldValue> Fields);

/// <summary>
/// swssconfig's JSON (sonic-swss swssconfig/swssconfig.cpp load_json_db_data): an array of objects, each with
/// exactly two members, "TABLE:key": {field: value, …} and "OP": "SET" | "DEL". Numbers become their integer text
/// (to_string of get&lt;int&gt;), other non-string values an empty string, as there. The whole file is checked before
/// anything is applied; an error names the file, line:column and the cause.
/// </summary>
public static class SwssConfigFile
{
    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static IReadOnlyList<SwssConfigOp> Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(path, "0", "Failed to open file: " + e.Message);
        }
        return Parse(path, bytes);
    }

    /// <summary>Parses <paramref name="json"/>; <paramref name="file"/> is for messages.</summary>
    public static IReadOnlyList<SwssConfigOp> Parse(string file, byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var ops = new List<SwssConfigOp>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw Error(file, json, reader.TokenStartIndex, "Root element must be an array");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                ops.Add(ReadElement(file, json, ref reader, ops.Count));
            if (reader.Read())
                throw Error(file, json, reader.TokenStartIndex, "unexpected content after the array");
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1, column = (e.BytePositionInLine ?? 0) + 1;
            string reason = e.Message;
            int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
                reason = reason[..cut].TrimEnd('.', ' ');
            throw new ConfigFileException(file, $"{line}:{column}", "invalid JSON: " + reason);
        }
        return ops;
    }

    private static SwssConfigOp ReadElement(string file, byte[] json, ref Utf8JsonReader reader, int index)
    {
        long start = reader.TokenStartIndex;
        string which = $"element {index}";
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(file, json, start, $"{which}: Child elements must be objects");
        string? hash = null, op = null;
        List<FieldValue>? fields = null;
        int members = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            long at = reader.TokenStartIndex;
            reader.Read();
            members++;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                hash = name;
                fields = ReadFields(ref reader);
            }
            else if (name == "OP" && reader.TokenType == JsonTokenType.String)
            {
                op = reader.GetString();
            }
            else
            {
                throw Error(file, json, at, $"{which}: Invalid entry '{name}' (expected \"TABLE:key\": {{…}} or \"OP\": \"SET\"|\"DEL\")");
            }
        }
        if (members != 2 || hash is null || op is null)
            throw Error(file, json, start, $"{which}: Child elements must have both key and op entry");
        int colon = hash.IndexOf(':');
        if (colon <= 0 || colon == hash.Length - 1)
            throw Error(file, json, start, $"{which}: Invalid formatted hash '{hash}' (expected TABLE:key)");
        if (op is not ("SET" or "DEL"))
            throw Error(file, json, start, $"{which}: Invalid operation '{op}' (expected SET or DEL)");
        return new SwssConfigOp(hash[..colon], hash[(colon + 1)..], op == "DEL", fields!);
    }

    private static List<FieldValue> ReadFields(ref Utf8JsonReader reader)
    {
        var fields = new List<FieldValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string field = reader.GetString()!;
            reader.Read();
            string value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => reader.TryGetInt64(out long n)
                    ? ((int)n).ToString(CultureInfo.InvariantCulture)
                    : ((int)reader.GetDouble()).ToString(CultureInfo.InvariantCulture),
                _ => "",
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                reader.Skip();
            fields.Add(new FieldValue(field, value));
        }
        return fields;
    }

    private static ConfigFileException Error(string file, byte[] json, long offset, string reason)
    {
        int line = 1, column = 1;
        for (long i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((json[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return new ConfigFileException(file, $"{line}:{column}", reason);
    }
}
