using System.Globalization;
using System.Text;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Jinja2 3.1's built-in filters (jinja2/filters.py), with the same argument names and defaults.</summary>
public static partial class BuiltinFilters
{
    /// <summary>Adds every built-in filter.</summary>
    public static void Register(Dictionary<string, FilterFunction> f)
    {
        f["abs"] = (_, v, a, k) => v switch
        {
            long or bool => (object)Math.Abs(PyOps.AsLong(v)),
            double d => Math.Abs(d),
            Undefined u => throw u.Fail(),
            _ => throw new TemplateException(TemplateErrorKind.Type, $"bad operand type for abs(): '{PyOps.TypeName(v)}'"),
        };
        f["attr"] = (_, v, a, k) => v is Undefined u ? throw u.Fail()
            : PyMethods.TryGetAttribute(v, PyRepr.Str(new FilterArgs("attr", a, k).Get(0, "name")), out var r) ? r : Undefined.Member(v, new FilterArgs("attr", a, k).Get(0, "name"));
        f["batch"] = Batch;
        f["capitalize"] = (_, v, a, k) => PyMethods.Capitalize(PyRepr.Str(v));
        f["center"] = (_, v, a, k) => PyMethods.Center(PyRepr.Str(v), new FilterArgs("center", a, k).Int(0, "width", 80));
        f["count"] = f["length"] = (_, v, a, k) => PyOps.Length(v);
        f["default"] = f["d"] = Default;
        f["dictsort"] = DictSort;
        f["escape"] = f["e"] = f["forceescape"] = (_, v, a, k) => Escape(PyRepr.Str(v));
        f["first"] = (_, v, a, k) =>
        {
            var items = PyOps.Iterate(v);
            return items.Count > 0 ? items[0] : Undefined.WithHint("No first item, sequence was empty.");
        };
        f["last"] = (_, v, a, k) =>
        {
            var items = PyOps.Iterate(v);
            return items.Count > 0 ? items[^1] : Undefined.WithHint("No last item, sequence was empty.");
        };
        f["float"] = (_, v, a, k) => ToFloat(v, new FilterArgs("float", a, k).Get(0, "default", 0.0));
        f["format"] = (_, v, a, k) => PyFormat.Percent(PyRepr.Str(v), k.Count > 0 ? KwargsDict(k) : new PyTuple([.. a]));
        f["indent"] = Indent;
        f["int"] = (_, v, a, k) => ToInt(v, new FilterArgs("int", a, k).Get(0, "default", 0L), new FilterArgs("int", a, k).Int(1, "base", 10));
        f["items"] = (_, v, a, k) => v switch
        {
            Undefined => new PyList(),
            PyDict d => new PyList(d.Items.Select(kv => (object?)new PyTuple([kv.Key, kv.Value]))),
            _ => throw new TemplateException(TemplateErrorKind.Type, $"Can only get item pairs from a mapping."),
        };
        f["join"] = Join;
        f["list"] = (_, v, a, k) => new PyList(PyOps.Iterate(v));
        f["lower"] = (_, v, a, k) => PyRepr.Str(v).ToLowerInvariant();
        f["upper"] = (_, v, a, k) => PyRepr.Str(v).ToUpperInvariant();
        f["map"] = Map;
        f["max"] = (r, v, a, k) => MinMax(r, v, a, k, max: true);
        f["min"] = (r, v, a, k) => MinMax(r, v, a, k, max: false);
        f["pprint"] = (_, v, a, k) => PyRepr.Repr(v);
        f["reject"] = (r, v, a, k) => Select(r, v, a, k, byAttribute: false, keep: false);
        f["select"] = (r, v, a, k) => Select(r, v, a, k, byAttribute: false, keep: true);
        f["rejectattr"] = (r, v, a, k) => Select(r, v, a, k, byAttribute: true, keep: false);
        f["selectattr"] = (r, v, a, k) => Select(r, v, a, k, byAttribute: true, keep: true);
        f["replace"] = (_, v, a, k) =>
        {
            var fa = new FilterArgs("replace", a, k);
            return PyMethods.Replace(PyRepr.Str(v), PyRepr.Str(fa.Get(0, "old")), PyRepr.Str(fa.Get(1, "new")), fa.Get(2, "count") is { } c ? PyOps.AsLong(c) : -1);
        };
        f["reverse"] = (_, v, a, k) =>
        {
            if (v is string s)
                return string.Concat(PyOps.Chars(s).Cast<string>().Reverse());
            var items = PyOps.Iterate(v);
            items.Reverse();
            return new PyList(items);
        };
        f["round"] = Round;
        f["safe"] = (_, v, a, k) => v is string ? v : PyRepr.Str(v);
        f["slice"] = SliceFilter;
        f["sort"] = Sort;
        f["string"] = (_, v, a, k) => PyRepr.Str(v);
        f["striptags"] = (_, v, a, k) => string.Join(' ', PyMethods.Split(System.Text.RegularExpressions.Regex.Replace(PyRepr.Str(v), "<!--.*?-->|<[^>]*>", ""), null));
        f["sum"] = Sum;
        f["title"] = (_, v, a, k) => Title(PyRepr.Str(v));
        f["tojson"] = (_, v, a, k) =>
        {
            var indent = new FilterArgs("tojson", a, k).Get(0, "indent");
            string json = PyJson.Dumps(v, indent is null ? null : (int)PyOps.AsLong(indent), sortKeys: true);
            return json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").Replace("'", "\\u0027");
        };
        f["trim"] = (_, v, a, k) =>
        {
            var chars = new FilterArgs("trim", a, k).Get(0, "chars");
            return PyMethods.Invoke(PyRepr.Str(v), "strip", chars is null ? [] : [chars], []);
        };
        f["truncate"] = Truncate;
        f["unique"] = Unique;
        f["wordcount"] = (_, v, a, k) => (long)System.Text.RegularExpressions.Regex.Matches(PyRepr.Str(v), @"\w+").Count;
        f["urlencode"] = (_, v, a, k) => Uri.EscapeDataString(PyRepr.Str(v)).Replace("%2F", "/");
    }

    private static PyDict KwargsDict(IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        var d = new PyDict();
        foreach (var kv in kwargs)
            d[kv.Key] = kv.Value;
        return d;
    }

    /// <summary>markupsafe.escape</summary>
    public static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace(">", "&gt;").Replace("<", "&lt;").Replace("'", "&#39;").Replace("\"", "&#34;");

    private static object? Default(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("default", a, k);
        bool boolean = fa.Bool(1, "boolean");
        if (v is Undefined || (boolean && !PyOps.Truthy(v)))
            return fa.Get(0, "default_value", "");
        return v;
    }

    /// <summary>Jinja2's int filter: int(str, base), else int(float(x)), else the default.</summary>
    public static object? ToInt(object? v, object? fallback, long numberBase = 10)
    {
        switch (v)
        {
            case Undefined u: throw u.Fail();
            case bool b: return b ? 1L : 0L;
            case long l: return l;
            case double d: return double.IsFinite(d) ? TruncateToLong(d) : fallback;
            case string s:
                if (TryParsePyInt(s, (int)numberBase, out long parsed))
                    return parsed;
                return TryParsePyFloat(s, out double f) && double.IsFinite(f) ? TruncateToLong(f) : fallback;
            default: return fallback;
        }
    }

    private static object TruncateToLong(double d)
    {
        double t = Math.Truncate(d);
        if (t >= 9.2233720368547758e18 || t < -9.2233720368547758e18)
            throw new TemplateException(TemplateErrorKind.Value, "integer result exceeds 64 bits (Python would compute it exactly)");
        return (long)t;
    }

    /// <summary>Python int(str, base): whitespace, sign, digit underscores, 0x/0o/0b prefixes only with their base (or 0).</summary>
    public static bool TryParsePyInt(string s, int numberBase, out long value)
    {
        value = 0;
        string t = s.Trim();
        bool negative = false;
        if (t.Length > 0 && t[0] is '+' or '-')
        {
            negative = t[0] == '-';
            t = t[1..];
        }
        if (t.Length > 1 && t[0] == '0' && char.ToLowerInvariant(t[1]) is 'x' or 'o' or 'b')
        {
            int prefixBase = char.ToLowerInvariant(t[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            if (numberBase != prefixBase && numberBase != 0)
                return false;
            numberBase = prefixBase;
            t = t[2..];
            if (t.StartsWith('_'))
                t = t[1..];
        }
        if (numberBase == 0)
            numberBase = 10;
        if (t.Length == 0 || t.StartsWith('_') || t.EndsWith('_') || t.Contains("__"))
            return false;
        long acc = 0;
        foreach (char c in t)
        {
            if (c == '_')
                continue;
            int digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= numberBase)
                return false;
            acc = checked(acc * numberBase + digit);
        }
        value = negative ? -acc : acc;
        return true;
    }

    /// <summary>Python float(str): whitespace, underscores between digits, inf/nan.</summary>
    public static bool TryParsePyFloat(string s, out double value)
    {
        string t = s.Trim();
        value = 0;
        string lower = t.ToLowerInvariant().TrimStart('+', '-');
        if (lower is "inf" or "infinity" or "nan")
        {
            value = lower == "nan" ? double.NaN : t.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (t.Length == 0 || t.StartsWith('_') || t.EndsWith('_') || t.Contains("__") || t.Contains("_.") || t.Contains("._"))
            return false;
        foreach (char c in t)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_'))
                return false;
        }
        return double.TryParse(t.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static object? ToFloat(object? v, object? fallback) => v switch
    {
        Undefined u => throw u.Fail(),
        bool or long or double => PyOps.AsDouble(v),
        string s => TryParsePyFloat(s, out double d) ? d : fallback,
        _ => fallback,
    };

    private static object? Join(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("join", a, k);
        string sep = PyRepr.Str(fa.Get(0, "d", ""));
        var attribute = fa.Get(1, "attribute");
        var items = PyOps.Iterate(v);
        var sb = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
                sb.Append(sep);
            sb.Append(PyRepr.Str(attribute is null ? items[i] : AttrGetter(attribute)(items[i])));
        }
        return sb.ToString();
    }

    private static object? Indent(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("indent", a, k);
        var width = fa.Get(0, "width", 4L);
        string indention = width is string ws ? ws : new string(' ', (int)PyOps.AsLong(width));
        bool first = fa.Bool(1, "first"), blank = fa.Bool(2, "blank");
        // Jinja2 appends "\n" to the value itself: anything but a str is Python's TypeError.
        if (v is not string text)
            throw new TemplateException(TemplateErrorKind.Type, $"unsupported operand type(s) for +=: '{PyOps.TypeName(v)}' and 'str'");
        string s = text + "\n";
        var lines = (PyList)PyMethods.Invoke(s, "splitlines", [], [])!;
        string rv;
        if (blank)
        {
            rv = string.Join("\n" + indention, lines.Cast<string>());
        }
        else
        {
            rv = (string)lines[0]!;
            if (lines.Count > 1)
                rv += "\n" + string.Join("\n", lines.Skip(1).Cast<string>().Select(l => l.Length > 0 ? indention + l : l));
        }
        return first ? indention + rv : rv;
    }

    /// <summary>Jinja2's title: upper-case the first character after '-', whitespace or an opening bracket.</summary>
    public static string Title(string s)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(s, @"([-\s\(\{\[\<]+)");
        var sb = new StringBuilder();
        foreach (var item in parts)
        {
            if (item.Length == 0)
                continue;
            sb.Append(char.ToUpperInvariant(item[0])).Append(item[1..].ToLowerInvariant());
        }
        return sb.ToString();
    }

    private static object? Round(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("round", a, k);
        long precision = fa.Int(0, "precision", 0);
        string method = PyRepr.Str(fa.Get(1, "method", "common"));
        if (v is Undefined u)
            throw u.Fail();
        if (method == "common")
        {
            if (PyOps.IsInt(v))
                return PyOps.AsLong(v);
            return RoundExact(PyOps.AsDouble(v), (int)precision);
        }
        double scale = Math.Pow(10, precision);
        double x = PyOps.AsDouble(v) * scale;
        return (method == "ceil" ? Math.Ceiling(x) : Math.Floor(x)) / scale;
    }

    /// <summary>Python's round(float, n): correctly rounded from the exact binary value, ties to even.</summary>
    private static double RoundExact(double d, int precision)
    {
        if (!double.IsFinite(d))
            return d;
        if (precision < 0)
        {
            double scale = Math.Pow(10, -precision);
            return Math.Round(d / scale, MidpointRounding.ToEven) * scale;
        }
        // decimal holds the double's value exactly enough for the precisions templates use.
        if (Math.Abs(d) < 7.9e27 && precision is >= 0 and <= 15)
        {
            decimal m = (decimal)d;
            string exact = d.ToString("G17", CultureInfo.InvariantCulture);
            if (decimal.TryParse(exact, NumberStyles.Float, CultureInfo.InvariantCulture, out var full))
                m = full;
            return (double)Math.Round(m, precision, MidpointRounding.ToEven);
        }
        return Math.Round(d, Math.Clamp(precision, 0, 15), MidpointRounding.ToEven);
    }

    private static object? Sum(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("sum", a, k);
        var attribute = fa.Get(0, "attribute");
        object? total = fa.Get(1, "start", 0L);
        foreach (var item in PyOps.Iterate(v))
            total = PyOps.Add(total, attribute is null ? item : AttrGetter(attribute)(item));
        return total;
    }

    private static object? Truncate(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("truncate", a, k);
        string s = PyRepr.Str(v);
        long length = fa.Int(0, "length", 255);
        bool killwords = fa.Bool(1, "killwords");
        string end = PyRepr.Str(fa.Get(2, "end", "..."));
        long leeway = fa.Get(3, "leeway") is { } lw ? PyOps.AsLong(lw) : 5;
        if (s.Length <= length + leeway)
            return s;
        if (killwords)
            return s[..(int)Math.Max(0, length - end.Length)] + end;
        string cut = s[..(int)Math.Max(0, length - end.Length)];
        int space = cut.LastIndexOf(' ');
        return (space >= 0 ? cut[..space] : cut) + end;
    }
}
