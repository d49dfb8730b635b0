namespace Swssbox.Templates.Rendering;

/// <summary>
/// A variable scope. Reads walk outwards; writes stay in this scope. A for-loop iteration, macro call, include
/// or with-block gets a child scope, so its <c>set</c>s do not leak out, as in Jinja2; an <c>if</c> does not.
/// </summary>
public sealed class Scope(Scope? parent)
{
    private Dictionary<string, object?>? _vars;

    /// <summary>The enclosing scope.</summary>
    public Scope? Parent { get; } = parent;

    /// <summary>Variables defined in this scope, in definition order of first assignment.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Own => _vars ?? [];

    /// <summary>Looks a name up here and outwards.</summary>
    public bool TryGet(string name, out object? value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._vars is not null && s._vars.TryGetValue(name, out value))
                return true;
        }
        value = null;
        return false;
    }

    /// <summary>Assigns in this scope.</summary>
    public void Set(string name, object? value) => (_vars ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
}
