using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>Jinja2 3.1's built-in tests (jinja2/tests.py).</summary>
public static class BuiltinTests
{
    /// <summary>Adds every built-in test.</summary>
    public static void Register(Dictionary<string, TestFunction> t)
    {
        t["defined"] = (_, v, a) => v is not Undefined;
        t["undefined"] = (_, v, a) => v is Undefined;
        t["none"] = (_, v, a) => v is null;
        t["boolean"] = (_, v, a) => v is bool;
        t["true"] = (_, v, a) => v is true;
        t["false"] = (_, v, a) => v is false;
        t["integer"] = (_, v, a) => v is long;
        t["float"] = (_, v, a) => v is double;
        t["number"] = (_, v, a) => PyOps.IsNumber(v);
        t["string"] = (_, v, a) => v is string;
        t["mapping"] = (_, v, a) => v is PyDict;
        t["sequence"] = (_, v, a) => v is string or PyList { ViewName: null } or PyTuple or PyDict or PyRange or Undefined;
        t["iterable"] = (_, v, a) => v is string or PyList or PyTuple or PyDict or PyRange or Undefined;
        t["callable"] = (_, v, a) => v is IPyCallable;
        t["odd"] = (_, v, a) => PyOps.Truthy(PyOps.Modulo(v, 2L));
        t["even"] = (_, v, a) => !PyOps.Truthy(PyOps.Modulo(v, 2L));
        t["divisibleby"] = (_, v, a) => !PyOps.Truthy(PyOps.Modulo(v, Arg(a, "divisibleby")));
        t["eq"] = t["=="] = t["equalto"] = (_, v, a) => PyOps.Equal(v, Arg(a, "eq"));
        t["ne"] = t["!="] = (_, v, a) => !PyOps.Equal(v, Arg(a, "ne"));
        t["lt"] = t["<"] = t["lessthan"] = (_, v, a) => PyOps.Compare(v, Arg(a, "lt"), "<") < 0;
        t["le"] = t["<="] = (_, v, a) => PyOps.Compare(v, Arg(a, "le"), "<=") <= 0;
        t["gt"] = t[">"] = t["greaterthan"] = (_, v, a) => PyOps.Compare(v, Arg(a, "gt"), ">") > 0;
        t["ge"] = t[">="] = (_, v, a) => PyOps.Compare(v, Arg(a, "ge"), ">=") >= 0;
        t["in"] = (_, v, a) => PyOps.Contains(Arg(a, "in"), v);
        t["sameas"] = (_, v, a) => ReferenceEquals(v, Arg(a, "sameas")) || (v is null && Arg(a, "sameas") is null) || (v is bool b && Arg(a, "sameas") is bool c && b == c);
        t["lower"] = (_, v, a) => (bool)PyMethods.Invoke(PyRepr.Str(v), "islower", [], [])!;
        t["upper"] = (_, v, a) => (bool)PyMethods.Invoke(PyRepr.Str(v), "isupper", [], [])!;
        t["escaped"] = (_, v, a) => false;
        t["filter"] = (r, v, a) => v is string s && r.Environment.Filters.ContainsKey(s);
        t["test"] = (r, v, a) => v is string s && r.Environment.Tests.ContainsKey(s);
    }

    private static object? Arg(IReadOnlyList<object?> a, string test) =>
        a.Count > 0 ? a[0] : throw new TemplateException(TemplateErrorKind.Type, $"test_{test}() missing 1 required positional argument");
}
