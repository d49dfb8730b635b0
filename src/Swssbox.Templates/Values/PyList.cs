namespace Swssbox.Templates.Values;

/// <summary>A Python list: mutable, shared by reference (so <c>.append</c> in a template is seen everywhere).</summary>
public sealed class PyList : List<object?>
{
    /// <summary>An empty list.</summary>
    public PyList() { }

    /// <summary>A list of <paramref name="items"/>.</summary>
    public PyList(IEnumerable<object?> items) : base(items) { }

    /// <summary>
    /// Set for the views dict.keys()/values()/items() return: they print as <c>dict_keys([...])</c>.
    /// </summary>
    public string? ViewName { get; init; }
}

/// <summary>A Python tuple: immutable, hashable, usable as a dict key (CONFIG_DB's <c>TABLE|k1|k2</c> rows).</summary>
public sealed class PyTuple(object?[] items)
{
    /// <summary>The items.</summary>
    public object?[] Items { get; } = items;

    /// <summary>Number of items.</summary>
    public int Count => Items.Length;

    /// <summary>A tuple of strings.</summary>
    public static PyTuple Of(params string[] parts) => new(parts.Cast<object?>().ToArray());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PyTuple t && PyOps.Equal(this, t);

    /// <inheritdoc />
    public override int GetHashCode() => PyKeyComparer.Instance.GetHashCode(this);
}

/// <summary>Python's range object: a lazy sequence that prints as <c>range(0, 3)</c>.</summary>
public sealed class PyRange(long start, long stop, long step)
{
    /// <summary>First value.</summary>
    public long Start { get; } = start;
    /// <summary>End (exclusive).</summary>
    public long Stop { get; } = stop;
    /// <summary>Step (never 0).</summary>
    public long Step { get; } = step;

    /// <summary>Number of values.</summary>
    public long Count => Step > 0 ? Math.Max(0, (Stop - Start + Step - 1) / Step) : Math.Max(0, (Start - Stop - Step - 1) / -Step);

    /// <summary>The values.</summary>
    public IEnumerable<object?> Values()
    {
        long n = Count;
        for (long i = 0; i < n; i++)
            yield return Start + i * Step;
    }
}

/// <summary>Jinja2's <c>namespace()</c>: an object whose attributes can be assigned with <c>set ns.x = …</c>.</summary>
public sealed class PyNamespace
{
    /// <summary>The attributes, in assignment order.</summary>
    public PyDict Attributes { get; } = new();
}

/// <summary>Anything a template can call: macros, globals, bound methods.</summary>
public interface IPyCallable
{
    /// <summary>Calls with positional and keyword arguments.</summary>
    object? Call(IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs);
}

/// <summary>A native function exposed to templates.</summary>
public sealed class PyFunction(string name, Func<IReadOnlyList<object?>, IReadOnlyList<KeyValuePair<string, object?>>, object?> body) : IPyCallable
{
    /// <summary>Its Python name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public object? Call(IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs) => body(args, kwargs);
}
