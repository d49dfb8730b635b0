using System.Text;
using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>
/// A compiled template. Like Jinja2's compiler, creating it checks that every filter and test it names exists,
/// even in branches that never run.
/// </summary>
public sealed class Template
{
    internal Template(TemplateEnvironment environment, string name, TemplateAst ast)
    {
        Environment = environment;
        Name = name;
        Ast = ast;
        foreach (var f in ast.Filters)
        {
            if (!environment.Filters.ContainsKey(f.Name))
                throw new TemplateException(TemplateErrorKind.Syntax, $"No filter named {PyRepr.Repr(f.Name)}.").At(name, f.Line, f.Column);
        }
        foreach (var t in ast.Tests)
        {
            if (!environment.Tests.ContainsKey(t.Name))
                throw new TemplateException(TemplateErrorKind.Syntax, $"No test named {PyRepr.Repr(t.Name)}.").At(name, t.Line, t.Column);
        }
    }

    /// <summary>The environment it belongs to.</summary>
    public TemplateEnvironment Environment { get; }

    /// <summary>Its name (as loaded, or given to FromString).</summary>
    public string Name { get; }

    /// <summary>The file it came from, when loaded from disk.</summary>
    public string? Path { get; init; }

    /// <summary>The parsed statements.</summary>
    public TemplateAst Ast { get; }

    /// <summary>Renders with <paramref name="vars"/> as the context.</summary>
    public string Render(PyDict vars)
    {
        var context = new Scope(Renderer.GlobalScope(Environment));
        foreach (var kv in vars.Items)
        {
            if (kv.Key is string k)
                context.Set(k, kv.Value);
        }
        var sb = new StringBuilder();
        new Renderer(Environment).RenderTop(this, new Scope(context), sb);
        return sb.ToString();
    }

    /// <summary>Evaluates a single expression (what <c>{{ expr }}</c> would print, before str()).</summary>
    public static object? Evaluate(TemplateEnvironment environment, string expression, PyDict vars)
    {
        var template = environment.FromString("{{ " + expression + " }}");
        if (template.Ast.Body is not [PrintStmt print])
            throw new TemplateException(TemplateErrorKind.Syntax, "expected one expression");
        var context = new Scope(Renderer.GlobalScope(environment));
        foreach (var kv in vars.Items)
        {
            if (kv.Key is string k)
                context.Set(k, kv.Value);
        }
        return new Renderer(environment).EvalIn(print.Expr, context, template);
    }
}
