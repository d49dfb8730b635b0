using System.Globalization;
using System.Text;

namespace Swssbox.Supervision.Rpc;

/// <summary>Marks a base64 value.</summary>
public sealed record Binary(byte[] Bytes);

/// <summary>
/// XML-RPC as Python's xmlrpc.client writes and reads it: values are string, int, bool, double, base64,
/// arrays (List&lt;object?&gt;) and structs (Dictionary&lt;string, object?&gt;, member order kept). A small hand
/// parser for this subset, so the binary carries no System.Xml.
/// </summary>
public static class XmlRpc
{
    /// <summary>A methodCall: name and params.</summary>
    public static (string Method, List<object?> Params) ParseCall(string xml)
    {
        var r = new Reader(xml);
        r.SkipProlog();
        r.Open("methodCall");
        r.Open("methodName");
        string name = r.Text();
        r.Close("methodName");
        var ps = new List<object?>();
        if (r.TryOpen("params", out bool empty))
        {
            if (!empty)
            {
                while (r.TryOpen("param", out bool pe))
                {
                    if (!pe) { ps.Add(r.Value()); r.Close("param"); }
                }
                r.Close("params");
            }
        }
        return (name.Trim(), ps);
    }

    /// <summary>A methodResponse: the value, or throws <see cref="RpcFault"/>-like <see cref="FaultException"/>.</summary>
    public static object? ParseResponse(string xml)
    {
        var r = new Reader(xml);
        r.SkipProlog();
        r.Open("methodResponse");
        if (r.TryOpen("fault", out _))
        {
            var f = r.Value() as Dictionary<string, object?>;
            throw new FaultException(Convert.ToInt32(f?["faultCode"] ?? 0, CultureInfo.InvariantCulture), f?["faultString"] as string ?? "");
        }
        r.Open("params");
        r.Open("param");
        return r.Value();
    }

    /// <summary>Serializes a call.</summary>
    public static string Call(string method, params object?[] args)
    {
        var sb = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>").Append(Escape(method)).Append("</methodName>\n<params>\n");
        foreach (var a in args)
        {
            sb.Append("<param>\n");
            Write(sb, a);
            sb.Append("</param>\n");
        }
        return sb.Append("</params>\n</methodCall>\n").ToString();
    }

    /// <summary>Serializes a successful response.</summary>
    public static string Response(object? value)
    {
        var sb = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        Write(sb, value);
        return sb.Append("</param>\n</params>\n</methodResponse>\n").ToString();
    }

    /// <summary>Serializes a fault response.</summary>
    public static string Fault(int code, string message)
    {
        var sb = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n");
        Write(sb, new Dictionary<string, object?> { ["faultCode"] = code, ["faultString"] = message });
        return sb.Append("</fault>\n</methodResponse>\n").ToString();
    }

    private static void Write(StringBuilder sb, object? v)
    {
        sb.Append("<value>");
        switch (v)
        {
            case null: sb.Append("<nil/>"); break;
            case bool b: sb.Append("<boolean>").Append(b ? '1' : '0').Append("</boolean>"); break;
            case int i: sb.Append("<int>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</int>"); break;
            case long l: sb.Append("<int>").Append(l.ToString(CultureInfo.InvariantCulture)).Append("</int>"); break;
            case double d: sb.Append("<double>").Append(d.ToString("R", CultureInfo.InvariantCulture)).Append("</double>"); break;
            case string s: sb.Append("<string>").Append(Escape(s)).Append("</string>"); break;
            case Binary bin: sb.Append("<base64>\n").Append(Convert.ToBase64String(bin.Bytes)).Append("\n</base64>"); break;
            case Dictionary<string, object?> d:
                sb.Append("<struct>\n");
                foreach (var (k, val) in d)
                {
                    sb.Append("<member>\n<name>").Append(Escape(k)).Append("</name>\n");
                    Write(sb, val);
                    sb.Append("</member>\n");
                }
                sb.Append("</struct>");
                break;
            case System.Collections.IEnumerable e:
                sb.Append("<array><data>\n");
                foreach (var item in e) Write(sb, item);
                sb.Append("</data></array>");
                break;
            default: sb.Append("<string>").Append(Escape(v.ToString() ?? "")).Append("</string>"); break;
        }
        sb.Append("</value>\n");
    }

    /// <summary>xmlrpclib's escape: &amp;, &lt;, &gt;.</summary>
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private sealed class Reader(string xml)
    {
        private int _pos;

        public void SkipProlog()
        {
            SkipWs();
            while (xml.AsSpan(_pos).StartsWith("<?") || xml.AsSpan(_pos).StartsWith("<!"))
            {
                int end = xml.IndexOf('>', _pos);
                if (end < 0) throw new FormatException("unterminated prolog");
                _pos = end + 1;
                SkipWs();
            }
        }

        private void SkipWs() { while (_pos < xml.Length && char.IsWhiteSpace(xml[_pos])) _pos++; }

        // Reads "<name>" or "<name/>"; returns the tag name and whether it self-closes, without consuming when peeking.
        private (string Name, bool Empty, int End)? PeekTag()
        {
            SkipWs();
            if (_pos >= xml.Length || xml[_pos] != '<' || (_pos + 1 < xml.Length && xml[_pos + 1] == '/')) return null;
            int end = xml.IndexOf('>', _pos);
            if (end < 0) throw new FormatException("unterminated tag");
            string inner = xml[(_pos + 1)..end].Trim();
            bool empty = inner.EndsWith('/');
            if (empty) inner = inner[..^1].Trim();
            int sp = inner.IndexOfAny([' ', '\t', '\n']);
            return (sp < 0 ? inner : inner[..sp], empty, end + 1);
        }

        public bool TryOpen(string name, out bool empty)
        {
            empty = false;
            var t = PeekTag();
            if (t is null || t.Value.Name != name) return false;
            _pos = t.Value.End;
            empty = t.Value.Empty;
            return true;
        }

        public void Open(string name)
        {
            if (!TryOpen(name, out bool empty) || empty)
                throw new FormatException($"expected <{name}> at offset {_pos}");
        }

        public void Close(string name)
        {
            SkipWs();
            string tag = $"</{name}>";
            if (!xml.AsSpan(_pos).StartsWith(tag))
                throw new FormatException($"expected {tag} at offset {_pos}");
            _pos += tag.Length;
        }

        public string Text()
        {
            int end = xml.IndexOf('<', _pos);
            if (end < 0) throw new FormatException("unterminated text");
            string raw = xml[_pos..end];
            _pos = end;
            return Unescape(raw);
        }

        public object? Value()
        {
            Open("value");
            int save = _pos;
            var t = PeekTag();
            if (t is null)
            {
                _pos = save;
                string s = Text();
                Close("value");
                return s;
            }
            _pos = t.Value.End;
            object? result;
            string n = t.Value.Name;
            if (t.Value.Empty)
                result = n switch { "string" => "", "nil" => null, "array" => new List<object?>(), "struct" => new Dictionary<string, object?>(), _ => null };
            else
            {
                switch (n)
                {
                    case "string": result = Text(); break;
                    case "int" or "i4" or "i8": result = int.Parse(Text().Trim(), CultureInfo.InvariantCulture); break;
                    case "boolean": result = Text().Trim() == "1"; break;
                    case "double": result = double.Parse(Text().Trim(), CultureInfo.InvariantCulture); break;
                    case "base64": result = new Binary(Convert.FromBase64String(Text().Trim())); break;
                    case "dateTime.iso8601": result = Text().Trim(); break;
                    case "array":
                        var list = new List<object?>();
                        if (TryOpen("data", out bool de) && !de)
                        {
                            while (PeekTag() is { Name: "value" }) list.Add(Value());
                            Close("data");
                        }
                        result = list;
                        break;
                    case "struct":
                        var dict = new Dictionary<string, object?>();
                        while (TryOpen("member", out _))
                        {
                            Open("name");
                            string key = Text();
                            Close("name");
                            dict[key] = Value();
                            Close("member");
                        }
                        result = dict;
                        break;
                    default: throw new FormatException($"unsupported XML-RPC type <{n}>");
                }
                Close(n);
            }
            Close("value");
            return result;
        }

        private static string Unescape(string s) => s.IndexOf('&') < 0 ? s :
            s.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&#10;", "\n").Replace("&#13;", "\r").Replace("&amp;", "&");
    }
}

/// <summary>A fault returned by a server (client side).</summary>
public sealed class FaultException(int code, string message) : Exception(message)
{
    /// <summary>faultCode.</summary>
    public int Code { get; } = code;
}
