using System.Text;
using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>
/// A compiled template. Like Jinja2's compiler, creating it checks that the filters and tests it names exist
/// (outside if-statements and conditional expressions, where Jinja2 defers the check to run time).
/// </summary>
public sealed class Template
{
    internal Template(TemplateEnvironment environment, string name, TemplateAst ast)
    {
        Environment = environment;
        Name = name;
        Ast = ast;
        new FilterCheck(environment, name).Statements(ast.Body, soft: false);
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
}
