using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Jinja2's <c>self</c>: <c>self.block_name()</c> renders that block again.</summary>
public sealed class TemplateReference(Template template, Scope context, Renderer renderer) : IPyAttributes
{
    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        if (template.Ast.Blocks.TryGetValue(name, out var block))
        {
            value = new PyFunction(name, (_, _) => renderer.RenderBlock(block, context, template));
            return true;
        }
        value = null;
        return false;
    }
}
