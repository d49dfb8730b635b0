namespace Swssbox.Templates.Values;

/// <summary>
/// Python attribute and item access on plain values and the methods templates call on them. Jinja2 does not
/// sandbox these: <c>.append</c>/<c>.update</c> mutate the caller's list or dict in place and return None.
/// </summary>
public static partial class PyMethods
{
    private static readonly HashSet<string> StrMethods =
    [
        "split", "rsplit", "startswith", "endswith", "replace", "lower", "upper", "strip", "lstrip", "rstrip", "join",
        "format", "find", "rfind", "index", "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace", "islower",
        "isupper", "isnumeric", "isdecimal", "title", "capitalize", "zfill", "ljust", "rjust", "center", "partition",
        "rpartition", "splitlines", "swapcase", "casefold", "istitle",
    ];

    private static readonly HashSet<string> DictMethods =
        ["keys", "values", "items", "get", "update", "pop", "setdefault", "copy", "clear", "popitem"];

    private static readonly HashSet<string> ListMethods =
        ["append", "extend", "insert", "pop", "remove", "index", "count", "reverse", "sort", "copy", "clear"];

    /// <summary>getattr(obj, name): a bound method, or a data attribute; false when Python raises AttributeError.</summary>
    public static bool TryGetAttribute(object? obj, string name, out object? value)
    {
        value = null;
        switch (obj)
        {
            case string when StrMethods.Contains(name):
            case PyDict when DictMethods.Contains(name):
            case PyList { ViewName: null } when ListMethods.Contains(name):
            case PyTuple or PyRange when name is "index" or "count":
                value = new BoundMethod(obj, name);
                return true;
            case PyNamespace ns:
                return ns.Attributes.TryGetValue(name, out value);
            case IPyAttributes a:
                return a.TryGetAttribute(name, out value);
            case long or bool when name is "real" or "numerator":
                value = PyOps.AsLong(obj);
                return true;
            case long or bool when name is "imag":
                value = 0L;
                return true;
            case double d when name is "real":
                value = d;
                return true;
            case PyRange r when name is "start" or "stop" or "step":
                value = name == "start" ? r.Start : name == "stop" ? r.Stop : r.Step;
                return true;
        }
        return false;
    }

    /// <summary>obj[key] as Python evaluates it; raises KeyError/IndexError/TypeError as TemplateException.</summary>
    public static object? Subscript(object? obj, object? key)
    {
        switch (obj)
        {
            case PyDict d:
                if (d.TryGetValue(key, out var v))
                    return v;
                throw new TemplateException(TemplateErrorKind.Lookup, PyRepr.Repr(key));
            case PyList { ViewName: not null }:
                throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(obj)}' object is not subscriptable");
            case PyList or PyTuple or string or PyRange:
                if (key is Slice s)
                    return s.Apply(obj);
                if (!PyOps.IsInt(key))
                    throw new TemplateException(TemplateErrorKind.Type, $"{PyOps.TypeName(obj)} indices must be integers or slices, not {PyOps.TypeName(key)}");
                long i = PyOps.AsLong(key);
                IReadOnlyList<object?> items = obj switch
                {
                    PyList l => l,
                    PyTuple t => t.Items,
                    string str => PyOps.Chars(str),
                    _ => PyOps.Iterate(obj),
                };
                if (i < 0)
                    i += items.Count;
                if (i < 0 || i >= items.Count)
                    throw new TemplateException(TemplateErrorKind.Lookup, $"{PyOps.TypeName(obj)} index out of range");
                return items[(int)i];
            case IPyAttributes:
            case PyNamespace:
                throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(obj)}' object is not subscriptable");
            default:
                throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(obj)}' object is not subscriptable");
        }
    }

    /// <summary>Calls method <paramref name="name"/> of <paramref name="target"/>.</summary>
    public static object? Invoke(object target, string name, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs) =>
        target switch
        {
            string s => StrMethod(s, name, args, kwargs),
            PyDict d => DictMethod(d, name, args, kwargs),
            PyList l => ListMethod(l, name, args, kwargs),
            PyTuple t => TupleMethod(t, name, args),
            PyRange r => TupleMethod(new PyTuple([.. r.Values()]), name, args),
            _ => throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(target)}' object has no method '{name}'"),
        };

    private static object? Arg(IReadOnlyList<object?> args, int i, string method, object? fallback = null, bool required = false)
    {
        if (i < args.Count)
            return args[i];
        if (required)
            throw new TemplateException(TemplateErrorKind.Type, $"{method}() takes at least {i + 1} argument(s) ({args.Count} given)");
        return fallback;
    }

    private static string StrArg(IReadOnlyList<object?> args, int i, string method)
    {
        object? a = Arg(args, i, method, required: true);
        return a as string ?? throw new TemplateException(TemplateErrorKind.Type, $"must be str, not {PyOps.TypeName(a)}");
    }

    private static object? TupleMethod(PyTuple t, string name, IReadOnlyList<object?> args)
    {
        object? x = Arg(args, 0, name, required: true);
        if (name == "count")
            return (long)t.Items.Count(i => PyOps.Equal(i, x));
        for (int i = 0; i < t.Count; i++)
        {
            if (PyOps.Equal(t.Items[i], x))
                return (long)i;
        }
        throw new TemplateException(TemplateErrorKind.Value, "tuple.index(x): x not in tuple");
    }

    private static object? DictMethod(PyDict d, string name, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        switch (name)
        {
            case "keys": return new PyList(d.Keys) { ViewName = "dict_keys" };
            case "values": return new PyList(d.Values) { ViewName = "dict_values" };
            case "items": return new PyList(d.Items.Select(kv => (object?)new PyTuple([kv.Key, kv.Value]))) { ViewName = "dict_items" };
            case "get":
                return d.TryGetValue(Arg(args, 0, name, required: true), out var v) ? v : Arg(args, 1, name);
            case "update":
                if (args.Count > 0)
                    UpdateFrom(d, args[0]);
                foreach (var kv in kwargs)
                    d[kv.Key] = kv.Value;
                return null;
            case "pop":
                object? key = Arg(args, 0, name, required: true);
                if (d.TryGetValue(key, out var popped))
                {
                    d.Remove(key);
                    return popped;
                }
                if (args.Count > 1)
                    return args[1];
                throw new TemplateException(TemplateErrorKind.Lookup, PyRepr.Repr(key));
            case "setdefault":
                object? k = Arg(args, 0, name, required: true);
                if (!d.TryGetValue(k, out var existing))
                    d[k] = existing = Arg(args, 1, name);
                return existing;
            case "copy": return d.Copy();
            case "clear": d.Clear(); return null;
            default:
                if (d.Count == 0)
                    throw new TemplateException(TemplateErrorKind.Lookup, "'popitem(): dictionary is empty'");
                var last = d.Items.Last();
                d.Remove(last.Key);
                return new PyTuple([last.Key, last.Value]);
        }
    }

    /// <summary>dict.update(other): a dict, or an iterable of pairs.</summary>
    public static void UpdateFrom(PyDict d, object? other)
    {
        if (other is PyDict src)
        {
            foreach (var kv in src.Items.ToList())
                d[kv.Key] = kv.Value;
            return;
        }
        foreach (var item in PyOps.Iterate(other))
        {
            var pair = PyOps.Iterate(item);
            if (pair.Count != 2)
                throw new TemplateException(TemplateErrorKind.Value, $"dictionary update sequence element has length {pair.Count}; 2 is required");
            d[pair[0]] = pair[1];
        }
    }

    private static object? ListMethod(PyList l, string name, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        switch (name)
        {
            case "append": l.Add(Arg(args, 0, name, required: true)); return null;
            case "extend": l.AddRange(PyOps.Iterate(Arg(args, 0, name, required: true))); return null;
            case "insert":
                long at = PyOps.AsLong(Arg(args, 0, name, required: true));
                if (at < 0)
                    at = Math.Max(0, at + l.Count);
                l.Insert((int)Math.Min(at, l.Count), Arg(args, 1, name, required: true));
                return null;
            case "pop":
                if (l.Count == 0)
                    throw new TemplateException(TemplateErrorKind.Lookup, "pop from empty list");
                long i = args.Count > 0 ? PyOps.AsLong(args[0]) : -1;
                if (i < 0)
                    i += l.Count;
                if (i < 0 || i >= l.Count)
                    throw new TemplateException(TemplateErrorKind.Lookup, "pop index out of range");
                var item = l[(int)i];
                l.RemoveAt((int)i);
                return item;
            case "remove":
                object? x = Arg(args, 0, name, required: true);
                int idx = l.FindIndex(e => PyOps.Equal(e, x));
                if (idx < 0)
                    throw new TemplateException(TemplateErrorKind.Value, "list.remove(x): x not in list");
                l.RemoveAt(idx);
                return null;
            case "index":
                object? y = Arg(args, 0, name, required: true);
                int found = l.FindIndex(e => PyOps.Equal(e, y));
                return found < 0 ? throw new TemplateException(TemplateErrorKind.Value, $"{PyRepr.Repr(y)} is not in list") : (long)found;
            case "count":
                object? z = Arg(args, 0, name, required: true);
                return (long)l.Count(e => PyOps.Equal(e, z));
            case "reverse": l.Reverse(); return null;
            case "sort":
                bool reverse = kwargs.Any(kv => kv.Key == "reverse" && PyOps.Truthy(kv.Value));
                var sorted = StableSort(l, (a, b) => PyOps.Compare(a, b, "<"), reverse);
                l.Clear();
                l.AddRange(sorted);
                return null;
            case "copy": return new PyList(l);
            default: l.Clear(); return null;
        }
    }

    /// <summary>Python's stable sort; with reverse, equal items keep their order as Python's does.</summary>
    public static List<object?> StableSort(IEnumerable<object?> items, Comparison<object?> compare, bool reverse)
    {
        var indexed = items.Select((v, i) => (v, i)).ToList();
        try
        {
            indexed.Sort((x, y) =>
            {
                int c = reverse ? compare(y.v, x.v) : compare(x.v, y.v);
                return c != 0 ? c : x.i.CompareTo(y.i);
            });
        }
        catch (InvalidOperationException e) when (e.InnerException is TemplateException inner)
        {
            // List.Sort wraps a comparer's exception; the template error is the cause.
            throw inner;
        }
        return indexed.Select(p => p.v).ToList();
    }
}

/// <summary>Objects with their own Python attributes (loop, macro, imported template module).</summary>
public interface IPyAttributes
{
    /// <summary>getattr(self, name)</summary>
    bool TryGetAttribute(string name, out object? value);
}
