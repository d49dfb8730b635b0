namespace Swssbox.Templates.Lexing;

/// <summary>Token kinds, as Jinja2's lexer names them (the names appear in syntax error messages).</summary>
public enum TokenKind
{
    /// <summary>Template text outside tags.</summary>
    Data,
    /// <summary><c>{{</c></summary>
    VariableBegin,
    /// <summary><c>}}</c></summary>
    VariableEnd,
    /// <summary><c>{%</c></summary>
    BlockBegin,
    /// <summary><c>%}</c></summary>
    BlockEnd,
    /// <summary>An identifier.</summary>
    Name,
    /// <summary>A string literal (value unescaped).</summary>
    String,
    /// <summary>An integer literal.</summary>
    Integer,
    /// <summary>A float literal.</summary>
    Float,
    /// <summary>An operator or punctuation.</summary>
    Operator,
    /// <summary>End of the template.</summary>
    Eof,
}

/// <summary>One token with its position (1-based line and column) in the template source.</summary>
public readonly record struct Token(TokenKind Kind, string Text, object? Value, int Line, int Column)
{
    /// <summary>Whether this is the operator or name <paramref name="text"/>.</summary>
    public bool Is(string text) => (Kind == TokenKind.Operator || Kind == TokenKind.Name) && Text == text;

    /// <summary>How Jinja2 describes the token in "expected …, got …" messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of template",
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.VariableBegin => "begin of print statement",
        TokenKind.BlockBegin => "begin of statement block",
        TokenKind.Data => "template data / text",
        _ => Text,
    };
}
