namespace Swssbox.Templates.Values;

/// <summary>
/// A Python dict: insertion-ordered, keys compared with Python equality (1 == 1.0 == True, tuples by value).
/// None keys are stored under a sentinel because .NET dictionaries refuse null.
/// </summary>
public sealed class PyDict
{
    private static readonly object NoneKey = new();
    private readonly OrderedDictionary<object, object?> _items = new(PyKeyComparer.Instance);

    /// <summary>Number of entries.</summary>
    public int Count => _items.Count;

    /// <summary>Set for an OrderedDict (Python 3.11 prints it as <c>OrderedDict([(k, v), …])</c>).</summary>
    public string? ReprName { get; init; }

    /// <summary>Gets or sets the value of <paramref name="key"/> (setting appends a new key at the end).</summary>
    public object? this[object? key]
    {
        get => _items[Wrap(key)];
        set => _items[Wrap(key)] = value;
    }

    /// <summary>Looks a key up.</summary>
    public bool TryGetValue(object? key, out object? value) => _items.TryGetValue(Wrap(key), out value);

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(object? key) => _items.ContainsKey(Wrap(key));

    /// <summary>Removes a key; true if it was there.</summary>
    public bool Remove(object? key) => _items.Remove(Wrap(key));

    /// <summary>Removes every entry.</summary>
    public void Clear() => _items.Clear();

    /// <summary>Keys in order.</summary>
    public IEnumerable<object?> Keys
    {
        get
        {
            foreach (var k in _items.Keys)
                yield return Unwrap(k);
        }
    }

    /// <summary>Values in order.</summary>
    public IEnumerable<object?> Values => _items.Values;

    /// <summary>Entries in order.</summary>
    public IEnumerable<KeyValuePair<object?, object?>> Items
    {
        get
        {
            foreach (var kv in _items)
                yield return new(Unwrap(kv.Key), kv.Value);
        }
    }

    /// <summary>A shallow copy.</summary>
    public PyDict Copy()
    {
        var d = new PyDict();
        foreach (var kv in _items)
            d._items[kv.Key] = kv.Value;
        return d;
    }

    private static object Wrap(object? key)
    {
        if (key is PyList or PyDict)
            throw new TemplateException(TemplateErrorKind.Type, $"unhashable type: '{PyOps.TypeName(key)}'");
        return key ?? NoneKey;
    }

    private static object? Unwrap(object key) => ReferenceEquals(key, NoneKey) ? null : key;
}

/// <summary>Python's hash/equality for dict keys.</summary>
public sealed class PyKeyComparer : IEqualityComparer<object>
{
    /// <summary>The one instance.</summary>
    public static PyKeyComparer Instance { get; } = new();

    /// <inheritdoc />
    public new bool Equals(object? x, object? y) => PyOps.Equal(x, y);

    /// <inheritdoc />
    public int GetHashCode(object obj)
    {
        switch (obj)
        {
            case string s: return s.GetHashCode();
            case bool b: return b ? 1 : 0;
            case long l: return l.GetHashCode();
            case double d: return d == Math.Floor(d) && Math.Abs(d) < 9e18 ? ((long)d).GetHashCode() : d.GetHashCode();
            case PyTuple t:
                var h = new HashCode();
                foreach (var i in t.Items)
                    h.Add(i is null ? 0 : GetHashCode(i));
                return h.ToHashCode();
            default: return System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
