namespace Swssbox.Templates.Parsing;

/// <summary>Any node: its position in the template source, for error messages.</summary>
public abstract class Node
{
    /// <summary>1-based line.</summary>
    public int Line { get; init; }
    /// <summary>1-based column.</summary>
    public int Column { get; init; }
}

/// <summary>An expression.</summary>
public abstract class Expr : Node;

/// <summary>A literal (str, int, float, bool, None).</summary>
public sealed class ConstExpr(object? value) : Expr { public object? Value { get; } = value; }

/// <summary>A variable reference.</summary>
public sealed class NameExpr(string name) : Expr { public string Name { get; } = name; }

/// <summary>[a, b]</summary>
public sealed class ListExpr(List<Expr> items) : Expr { public List<Expr> Items { get; } = items; }

/// <summary>(a, b)</summary>
public sealed class TupleExpr(List<Expr> items) : Expr { public List<Expr> Items { get; } = items; }

/// <summary>{k: v}</summary>
public sealed class DictExpr(List<(Expr Key, Expr Value)> pairs) : Expr { public List<(Expr Key, Expr Value)> Pairs { get; } = pairs; }

/// <summary>obj.name</summary>
public sealed class GetAttrExpr(Expr obj, string name) : Expr { public Expr Obj { get; } = obj; public string Name { get; } = name; }

/// <summary>obj[key]</summary>
public sealed class GetItemExpr(Expr obj, Expr key) : Expr { public Expr Obj { get; } = obj; public Expr Key { get; } = key; }

/// <summary>start:stop:step inside [ ].</summary>
public sealed class SliceExpr(Expr? start, Expr? stop, Expr? step) : Expr
{
    public Expr? Start { get; } = start;
    public Expr? Stop { get; } = stop;
    public Expr? Step { get; } = step;
}

/// <summary>Arguments of a call, filter or test.</summary>
public sealed class Arguments
{
    public List<Expr> Positional { get; } = [];
    public List<(string Name, Expr Value)> Keyword { get; } = [];
    public Expr? Star { get; set; }
    public Expr? StarStar { get; set; }
    public static Arguments Empty => new();
}

/// <summary>f(args)</summary>
public sealed class CallExpr(Expr func, Arguments args) : Expr { public Expr Func { get; } = func; public Arguments Args { get; } = args; }

/// <summary>value | name(args); Value is null inside a filter block.</summary>
public sealed class FilterExpr(Expr? value, string name, Arguments args) : Expr
{
    public Expr? Value { get; } = value;
    public string Name { get; } = name;
    public Arguments Args { get; } = args;
}

/// <summary>value is name(args)</summary>
public sealed class TestExpr(Expr value, string name, Arguments args) : Expr
{
    public Expr Value { get; } = value;
    public string Name { get; } = name;
    public Arguments Args { get; } = args;
}

/// <summary>Binary operators: + - * / // % ** ~ and or.</summary>
public sealed class BinaryExpr(string op, Expr left, Expr right) : Expr
{
    public string Op { get; } = op;
    public Expr Left { get; } = left;
    public Expr Right { get; } = right;
}

/// <summary>Unary operators: not - +.</summary>
public sealed class UnaryExpr(string op, Expr operand) : Expr { public string Op { get; } = op; public Expr Operand { get; } = operand; }

/// <summary>a &lt; b &lt;= c … (Python chains: each pair compared, all must hold).</summary>
public sealed class CompareExpr(Expr first, List<(string Op, Expr Right)> rest) : Expr
{
    public Expr First { get; } = first;
    public List<(string Op, Expr Right)> Rest { get; } = rest;
}

/// <summary>a if cond else b (else may be missing: then Undefined).</summary>
public sealed class CondExpr(Expr test, Expr then, Expr? otherwise) : Expr
{
    public Expr Test { get; } = test;
    public Expr Then { get; } = then;
    public Expr? Else { get; } = otherwise;
}

/// <summary>A statement.</summary>
public abstract class Stmt : Node;

/// <summary>Literal text.</summary>
public sealed class DataStmt(string text) : Stmt { public string Text { get; } = text; }

/// <summary>{{ expr }}</summary>
public sealed class PrintStmt(Expr expr) : Stmt { public Expr Expr { get; } = expr; }

/// <summary>if / elif / else</summary>
public sealed class IfStmt : Stmt
{
    public List<(Expr Test, List<Stmt> Body)> Branches { get; } = [];
    public List<Stmt>? Else { get; set; }
}

/// <summary>for target in iter [if filter] … [else …]</summary>
public sealed class ForStmt(Expr target, Expr iter, Expr? filter, List<Stmt> body, List<Stmt>? otherwise, bool recursive) : Stmt
{
    public Expr Target { get; } = target;
    public Expr Iter { get; } = iter;
    public Expr? Filter { get; } = filter;
    public List<Stmt> Body { get; } = body;
    public List<Stmt>? Else { get; } = otherwise;
    public bool Recursive { get; } = recursive;
}

/// <summary>set target = value (target: a name, a tuple of names, or ns.attr)</summary>
public sealed class SetStmt(Expr target, Expr value) : Stmt { public Expr Target { get; } = target; public Expr Value { get; } = value; }

/// <summary>set target [| filters] … endset</summary>
public sealed class SetBlockStmt(Expr target, List<Stmt> body, FilterExpr? filter) : Stmt
{
    public Expr Target { get; } = target;
    public List<Stmt> Body { get; } = body;
    public FilterExpr? Filter { get; } = filter;
}

/// <summary>A macro's parameter list and body (also used for call blocks' caller).</summary>
public sealed class MacroDef(string name, List<string> parameters, List<Expr?> defaults, List<Stmt> body) : Node
{
    public string Name { get; } = name;
    public List<string> Parameters { get; } = parameters;
    public List<Expr?> Defaults { get; } = defaults;
    public List<Stmt> Body { get; } = body;
    public bool UsesVarargs { get; set; }
    public bool UsesKwargs { get; set; }
    public bool UsesCaller { get; set; }
}

/// <summary>macro name(params) … endmacro</summary>
public sealed class MacroStmt(MacroDef def) : Stmt { public MacroDef Def { get; } = def; }

/// <summary>call[(params)] macro(args) … endcall</summary>
public sealed class CallBlockStmt(CallExpr call, MacroDef caller) : Stmt { public CallExpr Call { get; } = call; public MacroDef Caller { get; } = caller; }

/// <summary>include name [ignore missing] [with|without context]</summary>
public sealed class IncludeStmt(Expr template, bool ignoreMissing, bool withContext) : Stmt
{
    public Expr Template { get; } = template;
    public bool IgnoreMissing { get; } = ignoreMissing;
    public bool WithContext { get; } = withContext;
}

/// <summary>import name as alias</summary>
public sealed class ImportStmt(Expr template, string alias, bool withContext) : Stmt
{
    public Expr Template { get; } = template;
    public string Alias { get; } = alias;
    public bool WithContext { get; } = withContext;
}

/// <summary>from name import a, b as c</summary>
public sealed class FromImportStmt(Expr template, List<(string Name, string Alias)> names, bool withContext) : Stmt
{
    public Expr Template { get; } = template;
    public List<(string Name, string Alias)> Names { get; } = names;
    public bool WithContext { get; } = withContext;
}

/// <summary>block name … endblock (no inheritance: rendered in place)</summary>
public sealed class BlockStmt(string name, List<Stmt> body, bool scoped) : Stmt
{
    public string Name { get; } = name;
    public List<Stmt> Body { get; } = body;
    public bool Scoped { get; } = scoped;
}

/// <summary>with a = 1, b = 2 … endwith</summary>
public sealed class WithStmt(List<(Expr Target, Expr Value)> assignments, List<Stmt> body) : Stmt
{
    public List<(Expr Target, Expr Value)> Assignments { get; } = assignments;
    public List<Stmt> Body { get; } = body;
}

/// <summary>filter name(args) … endfilter</summary>
public sealed class FilterBlockStmt(FilterExpr filter, List<Stmt> body) : Stmt
{
    public FilterExpr Filter { get; } = filter;
    public List<Stmt> Body { get; } = body;
}

/// <summary>A parsed template: its statements and the filters and tests it names (checked when compiled, as Jinja2 does).</summary>
public sealed class TemplateAst(List<Stmt> body, List<FilterExpr> filters, List<TestExpr> tests, Dictionary<string, BlockStmt> blocks)
{
    public List<Stmt> Body { get; } = body;
    public List<FilterExpr> Filters { get; } = filters;
    public List<TestExpr> Tests { get; } = tests;
    public Dictionary<string, BlockStmt> Blocks { get; } = blocks;
}
