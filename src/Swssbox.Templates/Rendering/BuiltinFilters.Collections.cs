using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

public static partial class BuiltinFilters
{
    /// <summary>Jinja2's make_attrgetter: a dotted path, integer parts as indexes, each step through getitem.</summary>
    public static Func<object?, object?> AttrGetter(object? attribute, bool ignoreCase = false, object? fallback = null)
    {
        string[] parts = attribute is string s ? s.Split('.') : [];
        return item =>
        {
            object? v = item;
            if (attribute is not string)
                v = Renderer.GetItem(v, attribute);
            foreach (var part in parts)
            {
                object key = part.Length > 0 && part.All(char.IsAsciiDigit) ? long.Parse(part) : part;
                v = Renderer.GetItem(v, key);
            }
            if (fallback is not null && v is Undefined)
                v = fallback;
            return ignoreCase && v is string str ? str.ToLowerInvariant() : v;
        };
    }

    private static object? IgnoreCase(object? v) => v is string s ? s.ToLowerInvariant() : v;

    private static object? Batch(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("batch", a, k);
        long size = fa.Int(0, "linecount", 1);
        bool fill = fa.Has(1, "fill_with");
        var fillWith = fa.Get(1, "fill_with");
        var result = new PyList();
        PyList? current = null;
        foreach (var item in PyOps.Iterate(v))
        {
            if (current is null || current.Count == size)
            {
                current = new PyList();
                result.Add(current);
            }
            current.Add(item);
        }
        if (fill && fillWith is not null && current is not null)
            while (current.Count < size) current.Add(fillWith);
        return result;
    }

    private static object? SliceFilter(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("slice", a, k);
        long slices = fa.Int(0, "slices", 1);
        var fillWith = fa.Get(1, "fill_with");
        var seq = PyOps.Iterate(v);
        int length = seq.Count;
        long perSlice = length / slices, withExtra = length % slices;
        int offset = 0;
        var result = new PyList();
        for (long i = 0; i < slices; i++)
        {
            long start = offset + i * perSlice;
            if (i < withExtra)
                offset++;
            long end = offset + (i + 1) * perSlice;
            var part = new PyList(seq.Skip((int)start).Take((int)(end - start)));
            if (fillWith is not null && i >= withExtra)
                part.Add(fillWith);
            result.Add(part);
        }
        return result;
    }

    private static object? DictSort(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("dictsort", a, k);
        bool caseSensitive = fa.Bool(0, "case_sensitive");
        string by = PyRepr.Str(fa.Get(1, "by", "key"));
        bool reverse = fa.Bool(2, "reverse");
        int pos = by switch
        {
            "key" => 0,
            "value" => 1,
            _ => throw new TemplateException(TemplateErrorKind.Runtime, "You can only sort by either \"key\" or \"value\""),
        };
        if (v is not PyDict d)
            throw new TemplateException(TemplateErrorKind.Runtime, $"'{PyOps.TypeName(v)}' object has no attribute 'items'");
        var items = d.Items.Select(kv => (object?)new PyTuple([kv.Key, kv.Value]));
        return new PyList(PyMethods.StableSort(items, (x, y) =>
        {
            var kx = ((PyTuple)x!).Items[pos];
            var ky = ((PyTuple)y!).Items[pos];
            if (!caseSensitive)
            {
                kx = IgnoreCase(kx);
                ky = IgnoreCase(ky);
            }
            return PyOps.Compare(kx, ky, "<");
        }, reverse));
    }

    private static object? Sort(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("sort", a, k);
        bool reverse = fa.Bool(0, "reverse");
        bool caseSensitive = fa.Bool(1, "case_sensitive");
        var attribute = fa.Get(2, "attribute");
        var getters = attribute is string s && s.Contains(',')
            ? s.Split(',').Select(p => AttrGetter(p.Trim(), !caseSensitive)).ToList()
            : [attribute is null ? (x => caseSensitive ? x : IgnoreCase(x)) : AttrGetter(attribute, !caseSensitive)];
        return new PyList(PyMethods.StableSort(PyOps.Iterate(v), (x, y) =>
        {
            foreach (var g in getters)
            {
                int c = PyOps.Compare(g(x), g(y), "<");
                if (c != 0)
                    return c;
            }
            return 0;
        }, reverse));
    }

    private static object? Unique(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        var fa = new FilterArgs("unique", a, k);
        bool caseSensitive = fa.Bool(0, "case_sensitive");
        var attribute = fa.Get(1, "attribute");
        var getter = attribute is null ? (x => caseSensitive ? x : IgnoreCase(x)) : AttrGetter(attribute, !caseSensitive);
        var seen = new HashSet<object>(PyKeyComparer.Instance);
        bool seenNone = false;
        var result = new PyList();
        foreach (var item in PyOps.Iterate(v))
        {
            var key = getter(item);
            if (key is PyList or PyDict)
                throw new TemplateException(TemplateErrorKind.Type, $"unhashable type: '{PyOps.TypeName(key)}'");
            bool added = key is null ? !seenNone && (seenNone = true) : seen.Add(key);
            if (added)
                result.Add(item);
        }
        return result;
    }

    private static object? MinMax(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k, bool max)
    {
        var fa = new FilterArgs(max ? "max" : "min", a, k);
        bool caseSensitive = fa.Bool(0, "case_sensitive");
        var attribute = fa.Get(1, "attribute");
        var getter = attribute is null ? (x => caseSensitive ? x : IgnoreCase(x)) : AttrGetter(attribute, !caseSensitive);
        var items = PyOps.Iterate(v);
        if (items.Count == 0)
            return Undefined.WithHint("No aggregated item, sequence was empty.");
        object? best = items[0];
        foreach (var item in items.Skip(1))
        {
            int c = PyOps.Compare(getter(item), getter(best), max ? ">" : "<");
            if (max ? c > 0 : c < 0)
                best = item;
        }
        return best;
    }

    private static object? Map(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k)
    {
        // Jinja2: "if value: for item in value" — a falsy value maps to nothing, whatever its type.
        var items = PyOps.Truthy(v) ? PyOps.Iterate(v) : [];
        var attribute = k.FirstOrDefault(kv => kv.Key == "attribute");
        if (a.Count == 0 && attribute.Key is not null)
        {
            var fallback = k.FirstOrDefault(kv => kv.Key == "default").Value;
            var getter = AttrGetter(attribute.Value, false, fallback);
            return new PyList(items.Select(getter));
        }
        if (a.Count == 0)
            throw new TemplateException(TemplateErrorKind.Runtime, "map requires a filter argument");
        string name = PyRepr.Str(a[0]);
        var rest = a.Skip(1).ToList();
        return new PyList(items.Select(item => r.CallFilter(name, item, rest, k)));
    }

    private static object? Select(Renderer r, object? v, IReadOnlyList<object?> a, IReadOnlyList<KeyValuePair<string, object?>> k, bool byAttribute, bool keep)
    {
        var items = PyOps.Truthy(v) ? PyOps.Iterate(v) : [];
        Func<object?, object?> getter = x => x;
        int offset = 0;
        if (byAttribute)
        {
            if (a.Count == 0)
                throw new TemplateException(TemplateErrorKind.Type, "missing attribute argument");
            getter = AttrGetter(a[0]);
            offset = 1;
        }
        Func<object?, bool> test;
        if (a.Count > offset)
        {
            string name = PyRepr.Str(a[offset]);
            var rest = a.Skip(offset + 1).ToList();
            test = x => r.CallTest(name, x, rest);
        }
        else
        {
            test = PyOps.Truthy;
        }
        return new PyList(items.Where(item => test(getter(item)) == keep));
    }
}
