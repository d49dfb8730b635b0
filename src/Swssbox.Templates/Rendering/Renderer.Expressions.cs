using System.Text;
using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

public sealed partial class Renderer
{
    private object? Eval(Expr expr, Scope scope)
    {
        try
        {
            return EvalCore(expr, scope);
        }
        catch (TemplateException e)
        {
            throw e.At(_template.Name, expr.Line, expr.Column);
        }
    }

    private object? EvalCore(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case ConstExpr c:
                return c.Value;
            case NameExpr n:
                return scope.TryGet(n.Name, out var v) ? v : Undefined.Name(n.Name);
            case GetAttrExpr g:
                return GetAttr(Eval(g.Obj, scope), g.Name);
            case GetItemExpr gi:
                var obj = Eval(gi.Obj, scope);
                if (gi.Key is SliceExpr slice)
                {
                    if (obj is Undefined su)
                        throw su.Fail();
                    var sl = new Slice(EvalOpt(slice.Start, scope), EvalOpt(slice.Stop, scope), EvalOpt(slice.Step, scope));
                    return GetItem(obj, sl);
                }
                return GetItem(obj, Eval(gi.Key, scope));
            case ListExpr l:
                var list = new PyList();
                foreach (var item in l.Items)
                    list.Add(Eval(item, scope));
                return list;
            case TupleExpr t:
                var items = new object?[t.Items.Count];
                for (int i = 0; i < items.Length; i++)
                    items[i] = Eval(t.Items[i], scope);
                return new PyTuple(items);
            case DictExpr d:
                var dict = new PyDict();
                foreach (var (k, val) in d.Pairs)
                    dict[Eval(k, scope)] = Eval(val, scope);
                return dict;
            case BinaryExpr b:
                return EvalBinary(b, scope);
            case UnaryExpr u:
                var operand = Eval(u.Operand, scope);
                return u.Op switch
                {
                    "not" => !PyOps.Truthy(operand),
                    "-" => PyOps.Negate(operand),
                    _ => PyOps.Plus(operand),
                };
            case CompareExpr cmp:
                var left = Eval(cmp.First, scope);
                foreach (var (op, rightExpr) in cmp.Rest)
                {
                    var right = Eval(rightExpr, scope);
                    if (!CompareOne(op, left, right))
                        return false;
                    left = right;
                }
                return true;
            case CondExpr ce:
                if (PyOps.Truthy(Eval(ce.Test, scope)))
                    return Eval(ce.Then, scope);
                return ce.Else is null ? Undefined.WithHint("the inline if-expression on line " + ce.Line + " evaluated to false and no else section was defined.") : Eval(ce.Else, scope);
            case FilterExpr f:
                return ApplyFilter(f, f.Value is null ? null : Eval(f.Value, scope), scope);
            case TestExpr te:
                return ApplyTest(te, Eval(te.Value, scope), scope);
            case CallExpr call:
                return EvalCall(call, scope, null);
            default:
                throw new TemplateException(TemplateErrorKind.Runtime, "unsupported expression " + expr.GetType().Name);
        }
    }

    private object? EvalOpt(Expr? e, Scope scope) => e is null ? null : Eval(e, scope);

    private object? EvalBinary(BinaryExpr b, Scope scope)
    {
        var left = Eval(b.Left, scope);
        switch (b.Op)
        {
            case "and": return PyOps.Truthy(left) ? Eval(b.Right, scope) : left;
            case "or": return PyOps.Truthy(left) ? left : Eval(b.Right, scope);
        }
        var right = Eval(b.Right, scope);
        return b.Op switch
        {
            "+" => PyOps.Add(left, right),
            "-" => PyOps.Subtract(left, right),
            "*" => PyOps.Multiply(left, right),
            "/" => PyOps.Divide(left, right),
            "//" => PyOps.FloorDivide(left, right),
            "%" => PyOps.Modulo(left, right),
            "**" => PyOps.Power(left, right),
            _ => PyRepr.Str(left) + PyRepr.Str(right),
        };
    }

    private static bool CompareOne(string op, object? left, object? right) => op switch
    {
        "==" => PyOps.Equal(left, right),
        "!=" => !PyOps.Equal(left, right),
        "<" => PyOps.Compare(left, right, "<") < 0,
        "<=" => PyOps.Compare(left, right, "<=") <= 0,
        ">" => PyOps.Compare(left, right, ">") > 0,
        ">=" => PyOps.Compare(left, right, ">=") >= 0,
        "in" => PyOps.Contains(right, left),
        _ => !PyOps.Contains(right, left),
    };

    /// <summary>Jinja2's Environment.getattr: the Python attribute first, then the item.</summary>
    public static object? GetAttr(object? obj, string name)
    {
        if (obj is Undefined u)
            throw u.Fail();
        if (obj is PyDict d)
        {
            if (PyMethods.TryGetAttribute(obj, name, out var method))
                return method;
            return d.TryGetValue(name, out var v) ? v : Undefined.Member(obj, name);
        }
        if (PyMethods.TryGetAttribute(obj, name, out var value))
            return value;
        return Undefined.Member(obj, name);
    }

    /// <summary>Jinja2's Environment.getitem: the item first, then (for a str key) the attribute.</summary>
    public static object? GetItem(object? obj, object? key)
    {
        if (obj is Undefined u)
            throw u.Fail();
        switch (obj)
        {
            case PyDict d when key is not (PyList or PyDict):
                if (d.TryGetValue(key, out var v))
                    return v;
                break;
            case PyList { ViewName: null } l when PyOps.IsInt(key):
                long i = PyOps.AsLong(key);
                if (i < 0)
                    i += l.Count;
                if (i >= 0 && i < l.Count)
                    return l[(int)i];
                return Undefined.Member(obj, key);
            default:
                try
                {
                    return PyMethods.Subscript(obj, key);
                }
                catch (TemplateException e) when (e.Kind is TemplateErrorKind.Lookup or TemplateErrorKind.Type)
                {
                }
                break;
        }
        if (key is string name && PyMethods.TryGetAttribute(obj, name, out var attr))
            return attr;
        return Undefined.Member(obj, key);
    }

    private (List<object?> Args, List<KeyValuePair<string, object?>> Kwargs) EvalArgs(Arguments a, Scope scope)
    {
        var args = new List<object?>(a.Positional.Count);
        foreach (var p in a.Positional)
            args.Add(Eval(p, scope));
        var kwargs = new List<KeyValuePair<string, object?>>(a.Keyword.Count);
        foreach (var (k, e) in a.Keyword)
            kwargs.Add(new(k, Eval(e, scope)));
        if (a.Star is not null)
            args.AddRange(PyOps.Iterate(Eval(a.Star, scope)));
        if (a.StarStar is not null)
        {
            if (Eval(a.StarStar, scope) is PyDict extra)
                foreach (var kv in extra.Items)
                    kwargs.Add(new(PyRepr.Str(kv.Key), kv.Value));
        }
        return (args, kwargs);
    }

    private object? EvalCall(CallExpr call, Scope scope, Macro? caller)
    {
        var func = Eval(call.Func, scope);
        var (args, kwargs) = EvalArgs(call.Args, scope);
        if (caller is not null)
            kwargs.Add(new("caller", caller));
        return Call(func, args, kwargs);
    }

    /// <summary>Calls a template value.</summary>
    public static object? Call(object? func, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        if (func is Undefined u)
            throw u.Fail();
        if (func is IPyCallable c)
            return c.Call(args, kwargs);
        throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(func)}' object is not callable");
    }

    private object? ApplyFilter(FilterExpr f, object? value, Scope scope)
    {
        var (args, kwargs) = EvalArgs(f.Args, scope);
        return CallFilter(f.Name, value, args, kwargs);
    }

    private object? ApplyFilterChain(FilterExpr f, object? value, Scope scope)
    {
        if (f.Value is FilterExpr inner)
            value = ApplyFilterChain(inner, value, scope);
        return ApplyFilter(f, value, scope);
    }

    /// <summary>Calls filter <paramref name="name"/>.</summary>
    public object? CallFilter(string name, object? value, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        if (!Environment.Filters.TryGetValue(name, out var filter))
            throw new TemplateException(TemplateErrorKind.Runtime, $"No filter named {PyRepr.Repr(name)} found.");
        return filter(this, value, args, kwargs);
    }

    private bool ApplyTest(TestExpr t, object? value, Scope scope)
    {
        var (args, _) = EvalArgs(t.Args, scope);
        return CallTest(t.Name, value, args);
    }

    /// <summary>Calls test <paramref name="name"/>.</summary>
    public bool CallTest(string name, object? value, IReadOnlyList<object?> args)
    {
        if (!Environment.Tests.TryGetValue(name, out var test))
            throw new TemplateException(TemplateErrorKind.Runtime, $"No test named {PyRepr.Repr(name)} found.");
        return test(this, value, args);
    }
}
