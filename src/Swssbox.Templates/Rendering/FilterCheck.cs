using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>
/// Jinja2's compile-time check that every filter and test exists. As in Jinja2 3.x, names used inside an
/// if/elif/else (test and bodies) or a conditional expression are exempt: they fail only if reached at run
/// time ("soft" frames). A for, macro, with or block body starts a fresh, strict frame again.
/// </summary>
internal sealed class FilterCheck(TemplateEnvironment environment, string template)
{
    public void Statements(IEnumerable<Stmt> body, bool soft)
    {
        foreach (var s in body)
            Statement(s, soft);
    }

    private void Statement(Stmt stmt, bool soft)
    {
        switch (stmt)
        {
            case PrintStmt p: Expression(p.Expr, soft); break;
            case IfStmt i:
                foreach (var (test, body) in i.Branches)
                {
                    Expression(test, true);
                    Statements(body, true);
                }
                if (i.Else is not null)
                    Statements(i.Else, true);
                break;
            case ForStmt f:
                Expression(f.Iter, soft);
                if (f.Filter is not null)
                    Expression(f.Filter, false);
                Statements(f.Body, false);
                if (f.Else is not null)
                    Statements(f.Else, false);
                break;
            case SetStmt s: Expression(s.Value, soft); break;
            case SetBlockStmt sb:
                Statements(sb.Body, false);
                if (sb.Filter is not null)
                    Expression(sb.Filter, false);
                break;
            case MacroStmt m: Macro(m.Def); break;
            case CallBlockStmt c:
                Expression(c.Call, soft);
                Macro(c.Caller);
                break;
            case IncludeStmt inc: Expression(inc.Template, soft); break;
            case ImportStmt imp: Expression(imp.Template, soft); break;
            case FromImportStmt from: Expression(from.Template, soft); break;
            case BlockStmt b: Statements(b.Body, false); break;
            case WithStmt w:
                foreach (var (_, value) in w.Assignments)
                    Expression(value, soft);
                Statements(w.Body, false);
                break;
            case FilterBlockStmt fb:
                Expression(fb.Filter, false);
                Statements(fb.Body, false);
                break;
        }
    }

    private void Macro(MacroDef def)
    {
        foreach (var d in def.Defaults)
        {
            if (d is not null)
                Expression(d, false);
        }
        Statements(def.Body, false);
    }

    private void Arguments(Arguments a, bool soft)
    {
        foreach (var p in a.Positional)
            Expression(p, soft);
        foreach (var (_, v) in a.Keyword)
            Expression(v, soft);
        if (a.Star is not null)
            Expression(a.Star, soft);
        if (a.StarStar is not null)
            Expression(a.StarStar, soft);
    }

    private void Expression(Expr? expr, bool soft)
    {
        switch (expr)
        {
            case null: return;
            case FilterExpr f:
                if (!soft && !environment.Filters.ContainsKey(f.Name))
                    throw new TemplateException(TemplateErrorKind.Syntax, $"No filter named {PyRepr.Repr(f.Name)}.").At(template, f.Line, f.Column);
                Expression(f.Value, soft);
                Arguments(f.Args, soft);
                break;
            case TestExpr t:
                if (!soft && !environment.Tests.ContainsKey(t.Name))
                    throw new TemplateException(TemplateErrorKind.Syntax, $"No test named {PyRepr.Repr(t.Name)}.").At(template, t.Line, t.Column);
                Expression(t.Value, soft);
                Arguments(t.Args, soft);
                break;
            case CondExpr c:
                Expression(c.Test, true);
                Expression(c.Then, true);
                Expression(c.Else, true);
                break;
            case ListExpr l: l.Items.ForEach(i => Expression(i, soft)); break;
            case TupleExpr t: t.Items.ForEach(i => Expression(i, soft)); break;
            case DictExpr d:
                foreach (var (k, v) in d.Pairs)
                {
                    Expression(k, soft);
                    Expression(v, soft);
                }
                break;
            case GetAttrExpr g: Expression(g.Obj, soft); break;
            case GetItemExpr gi:
                Expression(gi.Obj, soft);
                Expression(gi.Key, soft);
                break;
            case SliceExpr sl:
                Expression(sl.Start, soft);
                Expression(sl.Stop, soft);
                Expression(sl.Step, soft);
                break;
            case CallExpr call:
                Expression(call.Func, soft);
                Arguments(call.Args, soft);
                break;
            case BinaryExpr b:
                Expression(b.Left, soft);
                Expression(b.Right, soft);
                break;
            case UnaryExpr u: Expression(u.Operand, soft); break;
            case CompareExpr cmp:
                Expression(cmp.First, soft);
                foreach (var (_, r) in cmp.Rest)
                    Expression(r, soft);
                break;
        }
    }
}
