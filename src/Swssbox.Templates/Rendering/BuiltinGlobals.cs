using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Jinja2's default globals: range, dict, namespace, joiner, cycler.</summary>
public static class BuiltinGlobals
{
    /// <summary>Adds the default globals.</summary>
    public static void Register(Dictionary<string, object?> g)
    {
        g["range"] = new PyFunction("range", (a, k) =>
        {
            if (a.Count is 0 or > 3)
                throw new TemplateException(TemplateErrorKind.Type, $"range expected at least 1 argument, got {a.Count}");
            foreach (var x in a)
            {
                if (!PyOps.IsInt(x))
                    throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(x)}' object cannot be interpreted as an integer");
            }
            long start = a.Count == 1 ? 0 : PyOps.AsLong(a[0]);
            long stop = a.Count == 1 ? PyOps.AsLong(a[0]) : PyOps.AsLong(a[1]);
            long step = a.Count == 3 ? PyOps.AsLong(a[2]) : 1;
            if (step == 0)
                throw new TemplateException(TemplateErrorKind.Value, "range() arg 3 must not be zero");
            return new PyRange(start, stop, step);
        });
        g["dict"] = new PyFunction("dict", (a, k) =>
        {
            var d = new PyDict();
            if (a.Count > 0)
                PyMethods.UpdateFrom(d, a[0]);
            foreach (var kv in k)
                d[kv.Key] = kv.Value;
            return d;
        });
        g["namespace"] = new PyFunction("namespace", (a, k) =>
        {
            var ns = new PyNamespace();
            if (a.Count > 0)
                PyMethods.UpdateFrom(ns.Attributes, a[0]);
            foreach (var kv in k)
                ns.Attributes[kv.Key] = kv.Value;
            return ns;
        });
        g["joiner"] = new PyFunction("joiner", (a, k) =>
        {
            string sep = a.Count > 0 ? PyRepr.Str(a[0]) : ", ";
            bool used = false;
            return new PyFunction("joiner", (_, _) =>
            {
                if (!used)
                {
                    used = true;
                    return "";
                }
                return sep;
            });
        });
        g["cycler"] = new PyFunction("cycler", (a, k) => new Cycler(a.ToList()));
    }
}

/// <summary>Jinja2's cycler: next(), current, reset().</summary>
public sealed class Cycler(List<object?> items) : IPyAttributes
{
    private int _pos;

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "current" => items[_pos],
            "next" => new PyFunction("next", (_, _) =>
            {
                var v = items[_pos];
                _pos = (_pos + 1) % items.Count;
                return v;
            }),
            "reset" => new PyFunction("reset", (_, _) =>
            {
                _pos = 0;
                return null;
            }),
            _ => null,
        };
        return name is "current" or "next" or "reset";
    }
}
