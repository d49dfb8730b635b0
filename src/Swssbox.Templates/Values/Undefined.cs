namespace Swssbox.Templates.Values;

/// <summary>
/// Jinja2's default Undefined: prints as '', is falsy, iterates as empty, compares equal only to another
/// Undefined; any attribute, item, call or arithmetic on it raises UndefinedError with the message below.
/// </summary>
public sealed class Undefined
{
    private readonly object? _owner;
    private readonly bool _hasOwner;
    private readonly object? _name;
    private readonly string? _hint;

    private Undefined(object? owner, bool hasOwner, object? name, string? hint)
    {
        _owner = owner;
        _hasOwner = hasOwner;
        _name = name;
        _hint = hint;
    }

    /// <summary>An undefined variable <paramref name="name"/>.</summary>
    public static Undefined Name(string name) => new(null, false, name, null);

    /// <summary>A missing attribute or item <paramref name="name"/> of <paramref name="owner"/>.</summary>
    public static Undefined Member(object? owner, object? name) => new(owner, true, name, null);

    /// <summary>An undefined with a fixed message (e.g. "No first item, sequence was empty.").</summary>
    public static Undefined WithHint(string hint) => new(null, false, null, hint);

    /// <summary>The message Jinja2 composes (Undefined._undefined_message).</summary>
    public string Message
    {
        get
        {
            if (_hint is not null)
                return _hint;
            if (!_hasOwner)
                return _name is null ? "undefined value" : $"{PyRepr.Repr(_name)} is undefined";
            if (_name is not string)
                return $"{PyOps.ObjectTypeRepr(_owner)} has no element {PyRepr.Repr(_name)}";
            return $"{PyRepr.Repr(PyOps.ObjectTypeRepr(_owner))} has no attribute {PyRepr.Repr(_name)}";
        }
    }

    /// <summary>The error any use of this value raises.</summary>
    public TemplateException Fail() => new(TemplateErrorKind.Undefined, Message);
}
