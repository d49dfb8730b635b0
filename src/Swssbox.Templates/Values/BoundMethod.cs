namespace Swssbox.Templates.Values;

/// <summary>A Python method bound to its object (<c>l.append</c>, <c>d.items</c>, <c>s.split</c>).</summary>
public sealed class BoundMethod(object target, string name) : IPyCallable
{
    /// <summary>The object.</summary>
    public object Target { get; } = target;

    /// <summary>The method's name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public object? Call(IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs) =>
        PyMethods.Invoke(Target, Name, args, kwargs);
}
