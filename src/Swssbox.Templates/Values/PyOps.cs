namespace Swssbox.Templates.Values;

/// <summary>
/// Python's semantics for the values templates handle: None is null, bool, int (long), float (double), str
/// (string), <see cref="PyList"/>, <see cref="PyTuple"/>, <see cref="PyDict"/>, <see cref="Undefined"/>.
/// </summary>
public static partial class PyOps
{
    /// <summary>type(v).__name__</summary>
    public static string TypeName(object? v) => v switch
    {
        null => "NoneType",
        bool => "bool",
        long or int => "int",
        double => "float",
        string => "str",
        PyList { ViewName: { } view } => view,
        PyList => "list",
        PyTuple => "tuple",
        PyDict { ReprName: { } name } => name,
        PyDict => "dict",
        PyRange => "range",
        Undefined => "Undefined",
        PyNamespace => "Namespace",
        IPyCallable => "function",
        _ => v.GetType().Name,
    };

    /// <summary>jinja2.utils.object_type_repr: "None", "dict object", "jinja2.utils.Namespace object".</summary>
    public static string ObjectTypeRepr(object? v) => v switch
    {
        null => "None",
        PyNamespace => "jinja2.utils.Namespace object",
        Rendering.LoopContext => "jinja2.runtime.LoopContext object",
        Rendering.Macro => "jinja2.runtime.Macro object",
        Rendering.TemplateModule => "jinja2.environment.TemplateModule object",
        Rendering.TemplateReference => "jinja2.runtime.TemplateReference object",
        _ => TypeName(v) + " object",
    };

    /// <summary>bool(v)</summary>
    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        PyList l => l.Count > 0,
        PyTuple t => t.Count > 0,
        PyDict d => d.Count > 0,
        PyRange r => r.Count > 0,
        Undefined => false,
        _ => true,
    };

    /// <summary>Whether v is an int or bool (Python: bool is an int).</summary>
    public static bool IsInt(object? v) => v is long or bool;

    /// <summary>Whether v is a number (int, bool or float).</summary>
    public static bool IsNumber(object? v) => v is long or bool or double;

    /// <summary>The int value of an int or bool.</summary>
    public static long AsLong(object? v) => v is bool b ? (b ? 1 : 0) : (long)v!;

    /// <summary>The float value of a number.</summary>
    public static double AsDouble(object? v) => v switch { double d => d, bool b => b ? 1 : 0, _ => (long)v! };

    /// <summary>a == b</summary>
    public static bool Equal(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null)
            return false;
        if (IsNumber(a) && IsNumber(b))
            return IsInt(a) && IsInt(b) ? AsLong(a) == AsLong(b) : AsDouble(a) == AsDouble(b);
        switch (a)
        {
            case string s: return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case Undefined: return b is Undefined;
            case PyTuple x when b is PyTuple y: return SequenceEqual(x.Items, y.Items);
            case PyList x when b is PyList y: return x.ViewName == y.ViewName && SequenceEqual(x, y);
            case PyDict x when b is PyDict y:
                if (x.Count != y.Count)
                    return false;
                foreach (var kv in x.Items)
                {
                    if (!y.TryGetValue(kv.Key, out var other) || !Equal(kv.Value, other))
                        return false;
                }
                return true;
            case PyRange r when b is PyRange q: return r.Count == q.Count && SequenceEqual(r.Values().ToList(), q.Values().ToList());
        }
        return a.Equals(b);
    }

    private static bool SequenceEqual(IReadOnlyList<object?> x, IReadOnlyList<object?> y)
    {
        if (x.Count != y.Count)
            return false;
        for (int i = 0; i < x.Count; i++)
        {
            if (!Equal(x[i], y[i]))
                return false;
        }
        return true;
    }

    /// <summary>Python's &lt;, &lt;=, &gt;, &gt;= as a three-way compare; TypeError across unorderable types.</summary>
    public static int Compare(object? a, object? b, string op)
    {
        if (a is Undefined ua)
            throw ua.Fail();
        if (b is Undefined ub)
            throw ub.Fail();
        if (IsNumber(a) && IsNumber(b))
            return IsInt(a) && IsInt(b) ? AsLong(a).CompareTo(AsLong(b)) : AsDouble(a).CompareTo(AsDouble(b));
        if (a is string s && b is string t)
            return CompareStrings(s, t);
        if (a is PyList la && b is PyList lb && la.ViewName is null && lb.ViewName is null)
            return CompareSequences(la, lb, op);
        if (a is PyTuple ta && b is PyTuple tb)
            return CompareSequences(ta.Items, tb.Items, op);
        throw new TemplateException(TemplateErrorKind.Type, $"'{op}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    /// <summary>Code-point order, as Python compares str.</summary>
    public static int CompareStrings(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                // Surrogates (above U+FFFF) sort after every BMP code point in Python.
                bool sa = char.IsSurrogate(a[i]), sb = char.IsSurrogate(b[i]);
                if (sa != sb)
                    return sa ? 1 : -1;
                return a[i].CompareTo(b[i]);
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int CompareSequences(IReadOnlyList<object?> a, IReadOnlyList<object?> b, string op)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            if (!Equal(a[i], b[i]))
                return Compare(a[i], b[i], op);
        }
        return a.Count.CompareTo(b.Count);
    }

    /// <summary>len(v)</summary>
    public static long Length(object? v) => v switch
    {
        string s => CodePoints(s),
        PyList l => l.Count,
        PyTuple t => t.Count,
        PyDict d => d.Count,
        PyRange r => r.Count,
        Undefined => 0,
        _ => throw new TemplateException(TemplateErrorKind.Type, $"object of type '{TypeName(v)}' has no len()"),
    };

    /// <summary>Number of code points (Python's len of a str).</summary>
    public static int CodePoints(string s)
    {
        int n = s.Length;
        foreach (char c in s)
        {
            if (char.IsLowSurrogate(c))
                n--;
        }
        return n;
    }

    /// <summary>iter(v) as a materialised list: str yields characters, dict its keys, Undefined nothing.</summary>
    public static List<object?> Iterate(object? v)
    {
        switch (v)
        {
            case PyList l: return new List<object?>(l);
            case PyTuple t: return new List<object?>(t.Items);
            case PyDict d: return d.Keys.ToList();
            case string s: return Chars(s);
            case PyRange r: return r.Values().ToList();
            case Undefined: return [];
            default: throw new TemplateException(TemplateErrorKind.Type, $"'{TypeName(v)}' object is not iterable");
        }
    }

    /// <summary>The characters (code points) of a string, each as a string.</summary>
    public static List<object?> Chars(string s)
    {
        var list = new List<object?>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(s[i].ToString());
            }
        }
        return list;
    }

    /// <summary><c>item in container</c></summary>
    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case string s:
                if (item is not string sub)
                    throw new TemplateException(TemplateErrorKind.Type, $"'in <string>' requires string as left operand, not {TypeName(item)}");
                return s.Contains(sub, StringComparison.Ordinal);
            case PyDict d: return d.ContainsKey(item);
            case Undefined: return false;
            case PyList or PyTuple or PyRange:
                foreach (var x in Iterate(container))
                {
                    if (Equal(x, item))
                        return true;
                }
                return false;
            default: throw new TemplateException(TemplateErrorKind.Type, $"argument of type '{TypeName(container)}' is not iterable");
        }
    }
}
