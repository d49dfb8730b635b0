using System.Globalization;
using System.Text;

namespace Swssbox.Templates.Values;

/// <summary>Python's json.dumps: ensure_ascii, separators (', ', ': ') or (',', ': ') with indent, optional sort_keys.</summary>
public static class PyJson
{
    /// <summary>json.dumps(value, indent=indent, sort_keys=sortKeys); tuple keys are refused as Python does unless <paramref name="keyOf"/> maps them.</summary>
    public static string Dumps(object? value, int? indent = null, bool sortKeys = false, Func<object?, string?>? keyOf = null)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, sortKeys, keyOf, 0);
        return sb.ToString();
    }

    private static void NewLine(StringBuilder sb, int? indent, int level)
    {
        if (indent is { } n)
            sb.Append('\n').Append(' ', n * level);
    }

    private static void Write(StringBuilder sb, object? value, int? indent, bool sortKeys, Func<object?, string?>? keyOf, int level)
    {
        string itemSep = indent is null ? ", " : ",";
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyRepr.Float(d));
                break;
            case string s: WriteString(sb, s); break;
            case PyList or PyTuple:
                var items = PyOps.Iterate(value);
                if (items.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }
                sb.Append('[');
                for (int i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                        sb.Append(itemSep);
                    NewLine(sb, indent, level + 1);
                    Write(sb, items[i], indent, sortKeys, keyOf, level + 1);
                }
                NewLine(sb, indent, level);
                sb.Append(']');
                break;
            case PyDict d:
                if (d.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                IEnumerable<KeyValuePair<object?, object?>> entries = d.Items;
                if (sortKeys)
                    entries = PyMethods.StableSort(d.Items.Select(kv => (object?)new PyTuple([kv.Key, kv.Value])), (a, b) => PyOps.Compare(((PyTuple)a!).Items[0], ((PyTuple)b!).Items[0], "<"), false)
                        .Select(t => new KeyValuePair<object?, object?>(((PyTuple)t!).Items[0], ((PyTuple)t!).Items[1]));
                sb.Append('{');
                bool first = true;
                foreach (var kv in entries)
                {
                    if (!first)
                        sb.Append(itemSep);
                    first = false;
                    NewLine(sb, indent, level + 1);
                    WriteString(sb, KeyString(kv.Key, keyOf));
                    sb.Append(": ");
                    Write(sb, kv.Value, indent, sortKeys, keyOf, level + 1);
                }
                NewLine(sb, indent, level);
                sb.Append('}');
                break;
            case Undefined u: throw u.Fail();
            default:
                throw new TemplateException(TemplateErrorKind.Type, $"Object of type {PyOps.TypeName(value)} is not JSON serializable");
        }
    }

    private static string KeyString(object? key, Func<object?, string?>? keyOf)
    {
        if (keyOf?.Invoke(key) is { } mapped)
            return mapped;
        return key switch
        {
            string s => s,
            null => "null",
            bool b => b ? "true" : "false",
            long or double => PyRepr.Str(key),
            _ => throw new TemplateException(TemplateErrorKind.Type, $"keys must be str, int, float, bool or None, not {PyOps.TypeName(key)}"),
        };
    }

    /// <summary>A JSON string with ensure_ascii escapes (\uXXXX for everything outside printable ASCII).</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7f)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
