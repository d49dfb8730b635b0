using System.Text;
using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>
/// Tree-walking renderer: executes statements into a StringBuilder with Jinja2's scoping, and evaluates
/// expressions with Python semantics (Renderer.Expressions.cs). An error gets the location of the innermost
/// node that raised it.
/// </summary>
public sealed partial class Renderer(TemplateEnvironment environment)
{
    private const int MaxDepth = 400;
    private int _depth;
    private Template _template = null!;

    /// <summary>The environment (filters use it to call other filters and tests).</summary>
    public TemplateEnvironment Environment { get; } = environment;

    /// <summary>A scope holding the environment's globals.</summary>
    public static Scope GlobalScope(TemplateEnvironment environment)
    {
        var scope = new Scope(null);
        foreach (var kv in environment.Globals)
            scope.Set(kv.Key, kv.Value);
        return scope;
    }

    internal void RenderTop(Template template, Scope scope, StringBuilder sb)
    {
        // Jinja2's "self": each block of the template, callable to render it again with the template's context.
        if (template.Ast.Blocks.Count > 0)
            scope.Set("self", new TemplateReference(template, scope, this));
        ExecIn(template.Ast.Body, scope, template, sb);
    }

    /// <summary>Renders a block's body for <c>self.name()</c>.</summary>
    internal string RenderBlock(BlockStmt block, Scope context, Template template)
    {
        var sb = new StringBuilder();
        ExecIn(block.Body, new Scope(context), template, sb);
        return sb.ToString();
    }

    /// <summary>Runs statements of <paramref name="template"/> (switching the current template for error locations).</summary>
    public void ExecIn(List<Stmt> body, Scope scope, Template template, StringBuilder sb)
    {
        var saved = _template;
        _template = template;
        if (++_depth > MaxDepth)
            throw new TemplateException(TemplateErrorKind.Runtime, "maximum recursion depth exceeded");
        try
        {
            Exec(body, scope, sb);
        }
        finally
        {
            _depth--;
            _template = saved;
        }
    }

    /// <summary>Evaluates an expression of <paramref name="template"/>.</summary>
    public object? EvalIn(Expr expr, Scope scope, Template template)
    {
        var saved = _template;
        _template = template;
        try
        {
            return Eval(expr, scope);
        }
        finally
        {
            _template = saved;
        }
    }

    private void Exec(List<Stmt> body, Scope scope, StringBuilder sb)
    {
        foreach (var stmt in body)
        {
            try
            {
                ExecOne(stmt, scope, sb);
            }
            catch (TemplateException e)
            {
                throw e.At(_template.Name, stmt.Line, stmt.Column);
            }
            catch (OverflowException)
            {
                // Python ints are unbounded; ours are 64-bit. Say so rather than print a wrapped number.
                throw new TemplateException(TemplateErrorKind.Value, "integer result exceeds 64 bits (Python would compute it exactly)").At(_template.Name, stmt.Line, stmt.Column);
            }
            catch (Exception e) when (e is InvalidCastException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
            {
                // A value of a type no Python operation here accepts: report it as Python's TypeError, with the location.
                throw new TemplateException(TemplateErrorKind.Type, e.Message).At(_template.Name, stmt.Line, stmt.Column);
            }
        }
    }

    private void ExecOne(Stmt stmt, Scope scope, StringBuilder sb)
    {
        switch (stmt)
        {
            case DataStmt d:
                sb.Append(d.Text);
                break;
            case PrintStmt p:
                sb.Append(PyRepr.Str(Eval(p.Expr, scope)));
                break;
            case IfStmt i:
                foreach (var (test, branch) in i.Branches)
                {
                    if (PyOps.Truthy(Eval(test, scope)))
                    {
                        Exec(branch, scope, sb);
                        return;
                    }
                }
                if (i.Else is not null)
                    Exec(i.Else, scope, sb);
                break;
            case ForStmt f:
                ExecFor(f, scope, sb);
                break;
            case SetStmt s:
                Assign(s.Target, Eval(s.Value, scope), scope);
                break;
            case SetBlockStmt sbk:
                var captured = new StringBuilder();
                Exec(sbk.Body, scope, captured);
                object? value = captured.ToString();
                if (sbk.Filter is not null)
                    value = ApplyFilterChain(sbk.Filter, value, scope);
                Assign(sbk.Target, value, scope);
                break;
            case MacroStmt m:
                scope.Set(m.Def.Name, new Macro(m.Def, scope, _template, this));
                break;
            case CallBlockStmt c:
                var caller = new Macro(c.Caller, scope, _template, this);
                sb.Append(PyRepr.Str(EvalCall(c.Call, scope, caller)));
                break;
            case IncludeStmt inc:
                ExecInclude(inc, scope, sb);
                break;
            case ImportStmt imp:
                scope.Set(imp.Alias, LoadModule(Eval(imp.Template, scope), imp.WithContext, scope));
                break;
            case FromImportStmt from:
                var module = LoadModule(Eval(from.Template, scope), from.WithContext, scope);
                foreach (var (name, alias) in from.Names)
                {
                    scope.Set(alias, module.TryGetAttribute(name, out var v)
                        ? v
                        : Undefined.WithHint($"the template {PyRepr.Repr(module.Name)} (imported on line {from.Line}) does not export the requested name {PyRepr.Repr(name)}"));
                }
                break;
            case BlockStmt b:
                Exec(b.Body, new Scope(scope), sb);
                break;
            case WithStmt w:
                var inner = new Scope(scope);
                foreach (var (target, expr) in w.Assignments)
                    Assign(target, Eval(expr, scope), inner);
                Exec(w.Body, inner, sb);
                break;
            case FilterBlockStmt fb:
                var text = new StringBuilder();
                Exec(fb.Body, scope, text);
                sb.Append(PyRepr.Str(ApplyFilterChain(fb.Filter, text.ToString(), scope)));
                break;
            default:
                throw new TemplateException(TemplateErrorKind.Runtime, "unsupported statement " + stmt.GetType().Name);
        }
    }

    private void ExecFor(ForStmt f, Scope scope, StringBuilder sb)
    {
        var source = Eval(f.Iter, scope);
        var items = PyOps.Iterate(source);
        if (f.Filter is not null)
        {
            var kept = new List<object?>(items.Count);
            foreach (var item in items)
            {
                var probe = new Scope(scope);
                Assign(f.Target, item, probe);
                if (PyOps.Truthy(Eval(f.Filter, probe)))
                    kept.Add(item);
            }
            items = kept;
        }
        int depth = scope.TryGet("loop", out var outer) && outer is LoopContext ? 2 : 1;
        var loop = new LoopContext(items, depth);
        for (int i = 0; i < items.Count; i++)
        {
            var iteration = new Scope(scope);
            loop.Index0 = i;
            iteration.Set("loop", loop);
            Assign(f.Target, items[i], iteration);
            Exec(f.Body, iteration, sb);
        }
        if (items.Count == 0 && f.Else is not null)
            Exec(f.Else, new Scope(scope), sb);
    }

    private void Assign(Expr target, object? value, Scope scope)
    {
        switch (target)
        {
            case NameExpr n:
                scope.Set(n.Name, value);
                break;
            case TupleExpr t:
                var items = PyOps.Iterate(value);
                if (items.Count < t.Items.Count)
                    throw new TemplateException(TemplateErrorKind.Value, $"not enough values to unpack (expected {t.Items.Count}, got {items.Count})");
                if (items.Count > t.Items.Count)
                    throw new TemplateException(TemplateErrorKind.Value, $"too many values to unpack (expected {t.Items.Count})");
                for (int i = 0; i < items.Count; i++)
                    Assign(t.Items[i], items[i], scope);
                break;
            case GetAttrExpr g:
                var ns = Eval(g.Obj, scope);
                if (ns is not PyNamespace space)
                    throw new TemplateException(TemplateErrorKind.Runtime, "cannot assign attribute on non-namespace object");
                space.Attributes[g.Name] = value;
                break;
        }
    }

    private void ExecInclude(IncludeStmt inc, Scope scope, StringBuilder sb)
    {
        var names = Eval(inc.Template, scope);
        Template? template = null;
        foreach (var candidate in names is PyList or PyTuple ? PyOps.Iterate(names) : [names])
        {
            if (candidate is Template t)
            {
                template = t;
                break;
            }
            if (Environment.Locate(PyRepr.Str(candidate)) is not null)
            {
                template = Environment.GetTemplate(PyRepr.Str(candidate));
                break;
            }
        }
        if (template is null)
        {
            if (inc.IgnoreMissing)
                return;
            throw Environment.NotFound(PyRepr.Str(names));
        }
        var context = inc.WithContext ? new Scope(scope) : new Scope(GlobalScope(Environment));
        ExecIn(template.Ast.Body, context, template, sb);
    }

    private TemplateModule LoadModule(object? name, bool withContext, Scope scope)
    {
        var template = name as Template ?? Environment.GetTemplate(PyRepr.Str(name));
        var module = new Scope(withContext ? scope : GlobalScope(Environment));
        var sb = new StringBuilder();
        ExecIn(template.Ast.Body, module, template, sb);
        var exports = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in module.Own)
        {
            if (!kv.Key.StartsWith('_'))
                exports[kv.Key] = kv.Value;
        }
        return new TemplateModule(template.Name, exports, sb.ToString());
    }
}
