using Swssbox.Templates.Lexing;

namespace Swssbox.Templates.Parsing;

public sealed partial class Parser
{
    private static T Pos<T>(T node, Token t) where T : Node => node;

    private NameExpr MakeName(Token t)
    {
        foreach (var set in _macroNames)
            set.Add(t.Text);
        return new NameExpr(t.Text) { Line = t.Line, Column = t.Column };
    }

    private Expr ParseAssignTarget(string[]? extraEnd, bool withNamespace = false)
    {
        var t = Current;
        if (withNamespace && t.Kind == TokenKind.Name && Peek().Is("."))
        {
            Next();
            Next();
            var attr = Expect(TokenKind.Name);
            return new GetAttrExpr(MakeName(t), attr.Text) { Line = t.Line, Column = t.Column };
        }
        var target = ParseTuple(simplified: true, extraEnd: extraEnd);
        Validate(target);
        return target;

        void Validate(Expr e)
        {
            switch (e)
            {
                case NameExpr n when n.Name is "true" or "false" or "none" or "True" or "False" or "None":
                    throw Fail($"can't assign to '{n.Name}'", t);
                case NameExpr:
                    return;
                case TupleExpr tuple:
                    tuple.Items.ForEach(Validate);
                    return;
                default:
                    throw Fail($"can't assign to '{e.GetType().Name.Replace("Expr", "").ToLowerInvariant()}'", t);
            }
        }
    }

    private bool IsTupleEnd(string[]? extraEnd)
    {
        var t = Current;
        if (t.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd || t.Is(")"))
            return true;
        return extraEnd is not null && t.Kind == TokenKind.Name && extraEnd.Contains(t.Text);
    }

    private Expr ParseTuple(bool simplified = false, bool withCondExpr = true, string[]? extraEnd = null, bool explicitParentheses = false)
    {
        var start = Current;
        var items = new List<Expr>();
        bool isTuple = false;
        while (true)
        {
            if (items.Count > 0)
                Expect(TokenKind.Operator, ",");
            if (IsTupleEnd(extraEnd))
                break;
            items.Add(simplified ? ParsePrimary() : ParseExpression(withCondExpr));
            if (Current.Is(","))
                isTuple = true;
            else
                break;
        }
        if (!isTuple)
        {
            if (items.Count > 0)
                return items[0];
            if (!explicitParentheses)
                throw Fail($"Expected an expression, got '{Current.Describe()}'", Current);
        }
        return new TupleExpr(items) { Line = start.Line, Column = start.Column };
    }

    private Expr ParseExpression(bool withCondExpr = true) => withCondExpr ? ParseCondExpr() : ParseOr();

    private Expr ParseCondExpr()
    {
        var start = Current;
        var expr = ParseOr();
        while (SkipIf("if"))
        {
            var test = ParseOr();
            Expr? otherwise = SkipIf("else") ? ParseCondExpr() : null;
            expr = new CondExpr(test, expr, otherwise) { Line = start.Line, Column = start.Column };
        }
        return expr;
    }

    private Expr ParseOr()
    {
        var start = Current;
        var left = ParseAnd();
        while (SkipIf("or"))
            left = new BinaryExpr("or", left, ParseAnd()) { Line = start.Line, Column = start.Column };
        return left;
    }

    private Expr ParseAnd()
    {
        var start = Current;
        var left = ParseNot();
        while (SkipIf("and"))
            left = new BinaryExpr("and", left, ParseNot()) { Line = start.Line, Column = start.Column };
        return left;
    }

    private Expr ParseNot()
    {
        var start = Current;
        if (Current.Kind == TokenKind.Name && Current.Text == "not")
        {
            Next();
            return new UnaryExpr("not", ParseNot()) { Line = start.Line, Column = start.Column };
        }
        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var start = Current;
        var first = ParseMath1();
        var rest = new List<(string, Expr)>();
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Operator && t.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
            {
                Next();
                rest.Add((t.Text, ParseMath1()));
            }
            else if (t.Is("in"))
            {
                Next();
                rest.Add(("in", ParseMath1()));
            }
            else if (t.Is("not") && Peek().Is("in"))
            {
                _pos += 2;
                rest.Add(("notin", ParseMath1()));
            }
            else
            {
                break;
            }
        }
        return rest.Count == 0 ? first : new CompareExpr(first, rest) { Line = start.Line, Column = start.Column };
    }

    private Expr ParseMath1()
    {
        var start = Current;
        var left = ParseConcat();
        while (Current.Kind == TokenKind.Operator && Current.Text is "+" or "-")
        {
            string op = Next().Text;
            left = new BinaryExpr(op, left, ParseConcat()) { Line = start.Line, Column = start.Column };
        }
        return left;
    }

    private Expr ParseConcat()
    {
        var start = Current;
        var left = ParseMath2();
        while (Current.Is("~"))
        {
            Next();
            left = new BinaryExpr("~", left, ParseMath2()) { Line = start.Line, Column = start.Column };
        }
        return left;
    }

    private Expr ParseMath2()
    {
        var start = Current;
        var left = ParsePow();
        while (Current.Kind == TokenKind.Operator && Current.Text is "*" or "/" or "//" or "%")
        {
            string op = Next().Text;
            left = new BinaryExpr(op, left, ParsePow()) { Line = start.Line, Column = start.Column };
        }
        return left;
    }

    private Expr ParsePow()
    {
        var start = Current;
        var left = ParseUnary();
        while (Current.Is("**"))
        {
            Next();
            left = new BinaryExpr("**", left, ParseUnary()) { Line = start.Line, Column = start.Column };
        }
        return left;
    }

    private Expr ParseUnary(bool withFilter = true)
    {
        var t = Current;
        Expr node;
        if (t.Kind == TokenKind.Operator && t.Text is "-" or "+")
        {
            Next();
            node = new UnaryExpr(t.Text, ParseUnary(false)) { Line = t.Line, Column = t.Column };
        }
        else
        {
            node = ParsePrimary();
        }
        node = ParsePostfix(node);
        if (withFilter)
            node = ParseFilterExpr(node);
        return node;
    }

    private Expr ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Name:
                Next();
                return t.Text switch
                {
                    "true" or "True" => new ConstExpr(true) { Line = t.Line, Column = t.Column },
                    "false" or "False" => new ConstExpr(false) { Line = t.Line, Column = t.Column },
                    "none" or "None" => new ConstExpr(null) { Line = t.Line, Column = t.Column },
                    _ => MakeName(t),
                };
            case TokenKind.String:
                Next();
                string s = (string)t.Value!;
                while (Current.Kind == TokenKind.String)
                    s += (string)Next().Value!;
                return new ConstExpr(s) { Line = t.Line, Column = t.Column };
            case TokenKind.Integer:
            case TokenKind.Float:
                Next();
                return new ConstExpr(t.Value) { Line = t.Line, Column = t.Column };
            case TokenKind.Operator when t.Text == "(":
                Next();
                var inner = ParseTuple(explicitParentheses: true);
                Expect(TokenKind.Operator, ")");
                return inner;
            case TokenKind.Operator when t.Text == "[":
                Next();
                var items = new List<Expr>();
                while (!Current.Is("]"))
                {
                    if (items.Count > 0)
                        Expect(TokenKind.Operator, ",");
                    if (Current.Is("]"))
                        break;
                    items.Add(ParseExpression());
                }
                Expect(TokenKind.Operator, "]");
                return new ListExpr(items) { Line = t.Line, Column = t.Column };
            case TokenKind.Operator when t.Text == "{":
                Next();
                var pairs = new List<(Expr, Expr)>();
                while (!Current.Is("}"))
                {
                    if (pairs.Count > 0)
                        Expect(TokenKind.Operator, ",");
                    if (Current.Is("}"))
                        break;
                    var key = ParseExpression();
                    Expect(TokenKind.Operator, ":");
                    pairs.Add((key, ParseExpression()));
                }
                Expect(TokenKind.Operator, "}");
                return new DictExpr(pairs) { Line = t.Line, Column = t.Column };
            case TokenKind.Eof:
                throw Fail("unexpected end of template", t);
            default:
                throw Fail($"unexpected '{t.Describe()}'", t);
        }
    }

    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            var t = Current;
            if (t.Is(".") || t.Is("["))
                node = ParseSubscript(node);
            else if (t.Is("("))
                node = new CallExpr(node, ParseCallArgs()) { Line = t.Line, Column = t.Column };
            else
                return node;
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            var t = Current;
            if (t.Is("|"))
                node = ParseFilter(node, startInline: false)!;
            else if (t.Is("is"))
                node = ParseTest(node);
            else if (t.Is("("))
                node = new CallExpr(node, ParseCallArgs()) { Line = t.Line, Column = t.Column };
            else
                return node;
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var t = Next();
        if (t.Text == ".")
        {
            var attr = Next();
            if (attr.Kind == TokenKind.Name)
                return new GetAttrExpr(node, attr.Text) { Line = attr.Line, Column = attr.Column };
            if (attr.Kind != TokenKind.Integer)
                throw Fail("expected name or number", attr);
            return new GetItemExpr(node, new ConstExpr(attr.Value)) { Line = attr.Line, Column = attr.Column };
        }
        var args = new List<Expr>();
        while (!Current.Is("]"))
        {
            if (args.Count > 0)
                Expect(TokenKind.Operator, ",");
            args.Add(ParseSubscribed());
        }
        Expect(TokenKind.Operator, "]");
        var key = args.Count == 1 ? args[0] : new TupleExpr(args) { Line = t.Line, Column = t.Column };
        return new GetItemExpr(node, key) { Line = t.Line, Column = t.Column };
    }

    private Expr ParseSubscribed()
    {
        var t = Current;
        var parts = new List<Expr?>();
        if (Current.Is(":"))
        {
            Next();
            parts.Add(null);
        }
        else
        {
            var node = ParseExpression();
            if (!Current.Is(":"))
                return node;
            Next();
            parts.Add(node);
        }
        if (Current.Is(":"))
            parts.Add(null);
        else if (!Current.Is("]") && !Current.Is(","))
            parts.Add(ParseExpression());
        else
            parts.Add(null);
        if (Current.Is(":"))
        {
            Next();
            parts.Add(!Current.Is("]") && !Current.Is(",") ? ParseExpression() : null);
        }
        else
        {
            parts.Add(null);
        }
        return new SliceExpr(parts[0], parts[1], parts[2]) { Line = t.Line, Column = t.Column };
    }

    private Arguments ParseCallArgs()
    {
        var args = new Arguments();
        Expect(TokenKind.Operator, "(");
        bool requireComma = false;
        while (!Current.Is(")"))
        {
            if (requireComma)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.Is(")"))
                    break;
            }
            if (Current.Is("*"))
            {
                Next();
                args.Star = ParseExpression();
            }
            else if (Current.Is("**"))
            {
                Next();
                args.StarStar = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Name && Peek().Is("="))
            {
                string key = Next().Text;
                Next();
                args.Keyword.Add((key, ParseExpression()));
            }
            else
            {
                if (args.Star is not null || args.StarStar is not null || args.Keyword.Count > 0)
                    throw Fail("Invalid argument syntax", Current);
                args.Positional.Add(ParseExpression());
            }
            requireComma = true;
        }
        Expect(TokenKind.Operator, ")");
        return args;
    }

    private Expr? ParseFilter(Expr? node, bool startInline)
    {
        while (Current.Is("|") || startInline)
        {
            if (!startInline)
                Next();
            var nameToken = Expect(TokenKind.Name);
            string name = nameToken.Text;
            while (Current.Is("."))
            {
                Next();
                name += "." + Expect(TokenKind.Name).Text;
            }
            var args = Current.Is("(") ? ParseCallArgs() : Arguments.Empty;
            var filter = new FilterExpr(node, name, args) { Line = nameToken.Line, Column = nameToken.Column };
            _filters.Add(filter);
            node = filter;
            startInline = false;
        }
        return node;
    }

    private Expr ParseTest(Expr node)
    {
        var isToken = Next();
        bool negated = SkipIf("not");
        var nameToken = Expect(TokenKind.Name);
        string name = nameToken.Text;
        while (Current.Is("."))
        {
            Next();
            name += "." + Expect(TokenKind.Name).Text;
        }
        Arguments args;
        var c = Current;
        if (c.Is("("))
        {
            args = ParseCallArgs();
        }
        else if ((c.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float || c.Is("(") || c.Is("[") || c.Is("{"))
                 && !c.Is("else") && !c.Is("or") && !c.Is("and"))
        {
            if (c.Is("is"))
                throw Fail("You cannot chain multiple tests with is", c);
            var arg = ParsePostfix(ParsePrimary());
            args = new Arguments();
            args.Positional.Add(arg);
        }
        else
        {
            args = Arguments.Empty;
        }
        var test = new TestExpr(node, name, args) { Line = nameToken.Line, Column = nameToken.Column };
        _tests.Add(test);
        return negated ? new UnaryExpr("not", test) { Line = isToken.Line, Column = isToken.Column } : test;
    }
}
