using Swssbox.Templates.Lexing;

namespace Swssbox.Templates.Parsing;

/// <summary>
/// Jinja2's recursive-descent parser (jinja2/parser.py): statements here, expressions in Parser.Expressions.cs.
/// Error messages follow Jinja2's wording.
/// </summary>
public sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly string _name;
    private int _pos;
    private readonly List<FilterExpr> _filters = [];
    private readonly List<TestExpr> _tests = [];
    private readonly Dictionary<string, BlockStmt> _blocks = [];
    private readonly List<HashSet<string>> _macroNames = [];
    private readonly Stack<string> _openTags = new();
    private readonly List<string[]> _endTokens = [];

    private Parser(List<Token> tokens, string name)
    {
        _tokens = tokens;
        _name = name;
    }

    /// <summary>Parses a template's source.</summary>
    public static TemplateAst Parse(string source, string name, bool trimBlocks)
    {
        var parser = new Parser(Lexer.Tokenize(source, name, trimBlocks), name);
        var body = parser.Subparse(null);
        return new TemplateAst(body, parser._filters, parser._tests, parser._blocks);
    }

    private Token Current => _tokens[_pos];
    private Token Peek(int n = 1) => _tokens[Math.Min(_pos + n, _tokens.Count - 1)];
    private Token Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private TemplateException Fail(string message, Token at) =>
        new TemplateException(TemplateErrorKind.Syntax, message).At(_name, at.Line, at.Column);

    private bool SkipIf(string text)
    {
        if (Current.Is(text))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private Token Expect(TokenKind kind, string? text = null)
    {
        var t = Current;
        if (t.Kind != kind || (text is not null && t.Text != text))
        {
            if (t.Kind == TokenKind.Eof)
                throw Fail($"unexpected end of template, expected '{text ?? Describe(kind)}'.", t);
            throw Fail($"expected token '{text ?? Describe(kind)}', got '{t.Describe()}'", t);
        }
        _pos++;
        return t;
    }

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.Name => "name",
        TokenKind.String => "string",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private T At<T>(T node, Token t) where T : Node => node;

    private List<Stmt> Subparse(string[]? endTokens)
    {
        if (endTokens is not null)
            _endTokens.Add(endTokens);
        try
        {
            return SubparseBody(endTokens);
        }
        finally
        {
            if (endTokens is not null)
                _endTokens.RemoveAt(_endTokens.Count - 1);
        }
    }

    private List<Stmt> SubparseBody(string[]? endTokens)
    {
        var body = new List<Stmt>();
        while (true)
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.Eof:
                    if (endTokens is not null)
                        throw Fail(UnknownOrEnd(null), t);
                    return body;
                case TokenKind.Data:
                    Next();
                    body.Add(new DataStmt((string)t.Text) { Line = t.Line, Column = t.Column });
                    break;
                case TokenKind.VariableBegin:
                    Next();
                    var expr = ParseTuple(withCondExpr: true);
                    Expect(TokenKind.VariableEnd);
                    body.Add(new PrintStmt(expr) { Line = t.Line, Column = t.Column });
                    break;
                case TokenKind.BlockBegin:
                    Next();
                    if (endTokens is not null && Current.Kind == TokenKind.Name && endTokens.Contains(Current.Text))
                        return body;
                    body.Add(ParseStatement());
                    break;
                default:
                    throw Fail($"unexpected '{t.Describe()}'", t);
            }
        }
    }

    /// <summary>Jinja2's _fail_ut_eof wording for an unknown tag (or, with null, the end of the template).</summary>
    private string UnknownOrEnd(string? name)
    {
        var message = new List<string> { name is null ? "Unexpected end of template." : $"Encountered unknown tag '{name}'." };
        if (_endTokens.Count > 0)
        {
            string looking = string.Join(" or ", _endTokens[^1].Select(e => $"'{e}'"));
            if (name is not null && _endTokens.Any(e => e.Contains(name)))
                message.Add($"You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for {looking}.");
            else
                message.Add($"Jinja was looking for the following tags: {looking}.");
        }
        if (_openTags.Count > 0)
            message.Add($"The innermost block that needs to be closed is '{_openTags.Peek()}'.");
        return string.Join(" ", message);
    }

    private List<Stmt> ParseBody(string[] endTokens, bool dropNeedle = false)
    {
        var body = Subparse(endTokens);
        if (dropNeedle)
            Next();
        return body;
    }

    private Stmt ParseStatement()
    {
        var t = Current;
        if (t.Kind != TokenKind.Name)
            throw Fail("tag name expected", t);
        if (t.Text is not ("if" or "for" or "set" or "macro" or "call" or "include" or "import" or "from" or "block" or "with" or "filter"))
            throw Fail(UnknownOrEnd(t.Text), t);
        _openTags.Push(t.Text);
        try
        {
            Stmt stmt = t.Text switch
            {
                "if" => ParseIf(),
                "for" => ParseFor(),
                "set" => ParseSet(),
                "macro" => ParseMacro(),
                "call" => ParseCallBlock(),
                "include" => ParseInclude(),
                "import" => ParseImport(),
                "from" => ParseFrom(),
                "block" => ParseBlock(),
                "with" => ParseWith(),
                "filter" => ParseFilterBlock(),
                _ => throw Fail(UnknownOrEnd(t.Text), t),
            };
            return stmt;
        }
        finally
        {
            _openTags.Pop();
        }
    }

    private IfStmt ParseIf()
    {
        var start = Next();
        var node = new IfStmt { Line = start.Line, Column = start.Column };
        var test = ParseTuple(withCondExpr: false);
        while (true)
        {
            Expect(TokenKind.BlockEnd);
            var body = ParseBody(["elif", "else", "endif"]);
            node.Branches.Add((test, body));
            var tag = Next();
            if (tag.Text == "elif")
            {
                test = ParseTuple(withCondExpr: false);
                continue;
            }
            if (tag.Text == "else")
            {
                Expect(TokenKind.BlockEnd);
                node.Else = ParseBody(["endif"], dropNeedle: true);
            }
            break;
        }
        Expect(TokenKind.BlockEnd);
        return node;
    }

    private ForStmt ParseFor()
    {
        var start = Next();
        var target = ParseAssignTarget(["in"]);
        Expect(TokenKind.Name, "in");
        var iter = ParseTuple(withCondExpr: false, extraEnd: ["recursive"]);
        Expr? filter = null;
        if (SkipIf("if"))
            filter = ParseExpression();
        bool recursive = SkipIf("recursive");
        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endfor", "else"]);
        List<Stmt>? otherwise = null;
        if (Next().Text == "else")
        {
            Expect(TokenKind.BlockEnd);
            otherwise = ParseBody(["endfor"], dropNeedle: true);
        }
        Expect(TokenKind.BlockEnd);
        return new ForStmt(target, iter, filter, body, otherwise, recursive) { Line = start.Line, Column = start.Column };
    }

    private Stmt ParseSet()
    {
        var start = Next();
        var target = ParseAssignTarget(null, withNamespace: true);
        if (SkipIf("="))
        {
            var value = ParseTuple(withCondExpr: true);
            Expect(TokenKind.BlockEnd);
            return new SetStmt(target, value) { Line = start.Line, Column = start.Column };
        }
        FilterExpr? filter = null;
        if (Current.Is("|"))
            filter = (FilterExpr?)ParseFilter(null, startInline: false);
        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endset"], dropNeedle: true);
        Expect(TokenKind.BlockEnd);
        return new SetBlockStmt(target, body, filter) { Line = start.Line, Column = start.Column };
    }

    private MacroDef ParseSignature(string name, Token at)
    {
        var parameters = new List<string>();
        var defaults = new List<Expr?>();
        Expect(TokenKind.Operator, "(");
        while (!Current.Is(")"))
        {
            if (parameters.Count > 0)
                Expect(TokenKind.Operator, ",");
            var p = Expect(TokenKind.Name);
            parameters.Add(p.Text);
            defaults.Add(SkipIf("=") ? ParseExpression() : null);
        }
        Expect(TokenKind.Operator, ")");
        return new MacroDef(name, parameters, defaults, []) { Line = at.Line, Column = at.Column };
    }

    private MacroDef ParseMacroBody(MacroDef signature, string end)
    {
        var names = new HashSet<string>();
        _macroNames.Add(names);
        Expect(TokenKind.BlockEnd);
        var body = ParseBody([end], dropNeedle: true);
        _macroNames.Remove(names);
        var def = new MacroDef(signature.Name, signature.Parameters, signature.Defaults, body)
        {
            Line = signature.Line,
            Column = signature.Column,
            UsesVarargs = names.Contains("varargs"),
            UsesKwargs = names.Contains("kwargs"),
            UsesCaller = names.Contains("caller"),
        };
        return def;
    }

    private MacroStmt ParseMacro()
    {
        var start = Next();
        var name = Expect(TokenKind.Name);
        var signature = ParseSignature(name.Text, start);
        var def = ParseMacroBody(signature, "endmacro");
        Expect(TokenKind.BlockEnd);
        return new MacroStmt(def) { Line = start.Line, Column = start.Column };
    }

    private CallBlockStmt ParseCallBlock()
    {
        var start = Next();
        var signature = Current.Is("(") ? ParseSignature("caller", start) : new MacroDef("caller", [], [], []) { Line = start.Line, Column = start.Column };
        var call = ParseExpression();
        if (call is not CallExpr callExpr)
            throw Fail("expected call", start);
        var def = ParseMacroBody(signature, "endcall");
        Expect(TokenKind.BlockEnd);
        return new CallBlockStmt(callExpr, def) { Line = start.Line, Column = start.Column };
    }

    private bool ParseContext(bool fallback)
    {
        if ((Current.Is("with") || Current.Is("without")) && Peek().Is("context"))
        {
            bool with = Next().Text == "with";
            Next();
            return with;
        }
        return fallback;
    }

    private IncludeStmt ParseInclude()
    {
        var start = Next();
        var template = ParseExpression();
        bool ignoreMissing = false;
        if (Current.Is("ignore") && Peek().Is("missing"))
        {
            _pos += 2;
            ignoreMissing = true;
        }
        bool withContext = ParseContext(true);
        Expect(TokenKind.BlockEnd);
        return new IncludeStmt(template, ignoreMissing, withContext) { Line = start.Line, Column = start.Column };
    }

    private ImportStmt ParseImport()
    {
        var start = Next();
        var template = ParseExpression();
        Expect(TokenKind.Name, "as");
        var alias = Expect(TokenKind.Name).Text;
        bool withContext = ParseContext(false);
        Expect(TokenKind.BlockEnd);
        return new ImportStmt(template, alias, withContext) { Line = start.Line, Column = start.Column };
    }

    private FromImportStmt ParseFrom()
    {
        var start = Next();
        var template = ParseExpression();
        Expect(TokenKind.Name, "import");
        var names = new List<(string, string)>();
        bool withContext = false;
        while (true)
        {
            if (names.Count > 0)
                Expect(TokenKind.Operator, ",");
            if ((Current.Is("with") || Current.Is("without")) && Peek().Is("context"))
            {
                withContext = ParseContext(false);
                break;
            }
            var n = Expect(TokenKind.Name);
            if (n.Text.StartsWith('_'))
                throw Fail("names starting with an underline can not be imported", n);
            string alias = SkipIf("as") ? Expect(TokenKind.Name).Text : n.Text;
            names.Add((n.Text, alias));
            if (Current.Is("with") || Current.Is("without"))
            {
                withContext = ParseContext(false);
                break;
            }
            if (!Current.Is(","))
                break;
        }
        Expect(TokenKind.BlockEnd);
        return new FromImportStmt(template, names, withContext) { Line = start.Line, Column = start.Column };
    }

    private BlockStmt ParseBlock()
    {
        var start = Next();
        var name = Expect(TokenKind.Name);
        bool scoped = SkipIf("scoped");
        SkipIf("required");
        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endblock"], dropNeedle: true);
        if (Current.Kind == TokenKind.Name)
            Next();
        Expect(TokenKind.BlockEnd);
        if (_blocks.ContainsKey(name.Text))
            throw Fail($"block '{name.Text}' defined twice", name);
        var block = new BlockStmt(name.Text, body, scoped) { Line = start.Line, Column = start.Column };
        _blocks[name.Text] = block;
        return block;
    }

    private WithStmt ParseWith()
    {
        var start = Next();
        var assignments = new List<(Expr, Expr)>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (assignments.Count > 0)
                Expect(TokenKind.Operator, ",");
            var target = ParseAssignTarget(null);
            Expect(TokenKind.Operator, "=");
            assignments.Add((target, ParseExpression()));
        }
        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endwith"], dropNeedle: true);
        Expect(TokenKind.BlockEnd);
        return new WithStmt(assignments, body) { Line = start.Line, Column = start.Column };
    }

    private FilterBlockStmt ParseFilterBlock()
    {
        var start = Next();
        var filter = (FilterExpr)ParseFilter(null, startInline: true)!;
        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endfilter"], dropNeedle: true);
        Expect(TokenKind.BlockEnd);
        return new FilterBlockStmt(filter, body) { Line = start.Line, Column = start.Column };
    }
}
