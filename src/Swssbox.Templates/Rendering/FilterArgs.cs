using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Python-style binding of a filter's positional and keyword arguments by position and name.</summary>
public readonly struct FilterArgs(string filter, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
{
    /// <summary>Argument <paramref name="index"/> (after the value) or keyword <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public object? Get(int index, string name, object? fallback = null)
    {
        if (index < args.Count)
            return args[index];
        foreach (var kv in kwargs)
        {
            if (kv.Key == name)
                return kv.Value;
        }
        return fallback;
    }

    /// <summary>Whether the argument was given.</summary>
    public bool Has(int index, string name) => index < args.Count || kwargs.Any(k => k.Key == name);

    /// <summary>A bool argument (Python truthiness).</summary>
    public bool Bool(int index, string name, bool fallback = false) => Has(index, name) ? PyOps.Truthy(Get(index, name)) : fallback;

    /// <summary>An int argument.</summary>
    public long Int(int index, string name, long fallback)
    {
        var v = Get(index, name, fallback);
        return PyOps.IsNumber(v) ? (long)PyOps.AsDouble(v) : throw new TemplateException(TemplateErrorKind.Type, $"{filter}(): '{name}' must be an integer");
    }

    /// <summary>Positional arguments from <paramref name="start"/> on.</summary>
    public IReadOnlyList<object?> Rest(int start) => args.Skip(start).ToList();

    /// <summary>All keyword arguments.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Kwargs => kwargs;

    /// <summary>Number of positional arguments.</summary>
    public int Count => args.Count;
}
