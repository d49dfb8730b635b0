using System.Text;
using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>
/// A macro (or a call block's <c>caller</c>): parameters with defaults, extra positional arguments in
/// <c>varargs</c> and keyword ones in <c>kwargs</c> when the body uses them, as jinja2.runtime.Macro does.
/// </summary>
public sealed class Macro(MacroDef def, Scope closure, Template template, Renderer renderer, Macro? caller = null) : IPyCallable, IPyAttributes
{
    /// <summary>The macro's name.</summary>
    public string Name => def.Name;

    /// <inheritdoc />
    public object? Call(IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        var scope = new Scope(closure);
        var parameters = def.Parameters;
        if (args.Count > parameters.Count && !def.UsesVarargs)
            throw new TemplateException(TemplateErrorKind.Type, $"macro {PyRepr.Repr(def.Name)} takes not more than {parameters.Count} argument(s)");
        var extraKw = new PyDict();
        object? callerArg = caller;
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in kwargs)
        {
            if (kv.Key == "caller" && def.UsesCaller)
            {
                callerArg = kv.Value;
                continue;
            }
            int index = parameters.IndexOf(kv.Key);
            if (index >= 0)
            {
                if (index < args.Count)
                    throw new TemplateException(TemplateErrorKind.Type, $"macro {PyRepr.Repr(def.Name)} got multiple values for argument {PyRepr.Repr(kv.Key)}");
                given[kv.Key] = kv.Value;
            }
            else if (def.UsesKwargs)
            {
                extraKw[kv.Key] = kv.Value;
            }
            else
            {
                throw new TemplateException(TemplateErrorKind.Type, $"macro {PyRepr.Repr(def.Name)} takes no keyword argument {PyRepr.Repr(kv.Key)}");
            }
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            object? value;
            if (i < args.Count)
                value = args[i];
            else if (given.TryGetValue(parameters[i], out var kw))
                value = kw;
            else if (def.Defaults[i] is { } dflt)
                value = renderer.EvalIn(dflt, scope, template);
            else
                value = Undefined.WithHint($"parameter {PyRepr.Repr(parameters[i])} was not provided");
            scope.Set(parameters[i], value);
        }
        if (def.UsesVarargs)
            scope.Set("varargs", new PyTuple(args.Skip(parameters.Count).ToArray()));
        if (def.UsesKwargs)
            scope.Set("kwargs", extraKw);
        if (def.UsesCaller)
            scope.Set("caller", callerArg ?? Undefined.WithHint($"No caller defined"));
        var sb = new StringBuilder();
        renderer.ExecIn(def.Body, scope, template, sb);
        return sb.ToString();
    }

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => def.Name,
            "arguments" => new PyTuple(def.Parameters.Cast<object?>().ToArray()),
            "catch_kwargs" => def.UsesKwargs,
            "catch_varargs" => def.UsesVarargs,
            "caller" => def.UsesCaller,
            _ => null,
        };
        return name is "name" or "arguments" or "catch_kwargs" or "catch_varargs" or "caller";
    }
}

/// <summary>What <c>import</c> gives: a template's exported top-level variables and macros; str() is its output.</summary>
public sealed class TemplateModule(string name, Dictionary<string, object?> exports, string body) : IPyAttributes
{
    /// <summary>The template's name.</summary>
    public string Name { get; } = name;

    /// <summary>Rendered output of the module's body.</summary>
    public string Body { get; } = body;

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value) => exports.TryGetValue(name, out value);
}
