using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Jinja2's <c>loop</c> object: index, first, last, length, revindex, cycle(), previtem, nextitem, changed().</summary>
public sealed class LoopContext(List<object?> items, int depth) : IPyAttributes
{
    private object? _lastChanged = Unset;
    private static readonly object Unset = new();

    /// <summary>0-based position of the current item.</summary>
    public int Index0 { get; set; }

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        int n = items.Count;
        value = name switch
        {
            "index" => (long)(Index0 + 1),
            "index0" => (long)Index0,
            "revindex" => (long)(n - Index0),
            "revindex0" => (long)(n - Index0 - 1),
            "first" => Index0 == 0,
            "last" => Index0 == n - 1,
            "length" => (long)n,
            "depth" => (long)depth,
            "depth0" => (long)(depth - 1),
            "previtem" => Index0 > 0 ? items[Index0 - 1] : Undefined.WithHint("there is no previous item"),
            "nextitem" => Index0 + 1 < n ? items[Index0 + 1] : Undefined.WithHint("there is no next item"),
            "cycle" => new PyFunction("cycle", (args, _) =>
                args.Count == 0 ? throw new TemplateException(TemplateErrorKind.Type, "no items for cycling given") : args[Index0 % args.Count]),
            "changed" => new PyFunction("changed", (args, _) =>
            {
                var now = new PyTuple([.. args]);
                if (_lastChanged != Unset && PyOps.Equal(_lastChanged, now))
                    return false;
                _lastChanged = now;
                return true;
            }),
            _ => Unset,
        };
        if (value == Unset)
        {
            value = null;
            return false;
        }
        return true;
    }
}
