using System.Globalization;
using System.Text;

namespace Swssbox.Templates.Lexing;

/// <summary>
/// Jinja2's lexer with the default delimiters. Newlines (\r\n, \r) become \n first and one trailing newline is
/// dropped (keep_trailing_newline=False). <c>{%-</c>/<c>{{-</c>/<c>{#-</c> strip whitespace before the tag, <c>-%}</c>
/// etc. after it; with trim_blocks the first newline after <c>%}</c> or <c>#}</c> (never <c>}}</c>) is removed.
/// </summary>
public sealed class Lexer
{
    private readonly string _src;
    private readonly string _name;
    private readonly bool _trimBlocks;
    private readonly List<Token> _tokens = [];
    private readonly int[] _lineStarts;
    private int _pos;

    private Lexer(string source, string name, bool trimBlocks)
    {
        string normalized = source.Contains('\r') ? source.Replace("\r\n", "\n").Replace('\r', '\n') : source;
        if (normalized.EndsWith('\n'))
            normalized = normalized[..^1];
        _src = normalized;
        _name = name;
        _trimBlocks = trimBlocks;
        var starts = new List<int> { 0 };
        for (int i = 0; i < _src.Length; i++)
        {
            if (_src[i] == '\n')
                starts.Add(i + 1);
        }
        _lineStarts = [.. starts];
    }

    /// <summary>Tokenizes a whole template.</summary>
    public static List<Token> Tokenize(string source, string name, bool trimBlocks)
    {
        var lexer = new Lexer(source, name, trimBlocks);
        lexer.Run();
        return lexer._tokens;
    }

    private (int Line, int Column) Where(int pos)
    {
        int idx = Array.BinarySearch(_lineStarts, pos);
        if (idx < 0)
            idx = ~idx - 1;
        return (idx + 1, pos - _lineStarts[idx] + 1);
    }

    private TemplateException Error(string message, int pos)
    {
        var (line, col) = Where(pos);
        return new TemplateException(TemplateErrorKind.Syntax, message).At(_name, line, col);
    }

    private void Add(TokenKind kind, string text, object? value, int pos)
    {
        var (line, col) = Where(pos);
        _tokens.Add(new Token(kind, text, value, line, col));
    }

    private void Run()
    {
        bool stripNext = false;
        while (_pos < _src.Length)
        {
            int tag = FindTag(_pos);
            int dataEnd = tag < 0 ? _src.Length : tag;
            int dataStart = _pos;
            if (stripNext)
            {
                while (dataStart < dataEnd && char.IsWhiteSpace(_src[dataStart]))
                    dataStart++;
                stripNext = false;
            }
            int trimmedEnd = dataEnd;
            if (tag >= 0 && tag + 2 < _src.Length && _src[tag + 2] == '-')
            {
                while (trimmedEnd > dataStart && char.IsWhiteSpace(_src[trimmedEnd - 1]))
                    trimmedEnd--;
            }
            if (trimmedEnd > dataStart)
                Add(TokenKind.Data, _src[dataStart..trimmedEnd], null, dataStart);
            if (tag < 0)
                break;
            char kind = _src[tag + 1];
            _pos = tag + 2;
            if (_pos < _src.Length && _src[_pos] is '-' or '+')
                _pos++;
            switch (kind)
            {
                case '#':
                    stripNext = Comment(tag);
                    break;
                case '{':
                    Add(TokenKind.VariableBegin, "{{", null, tag);
                    stripNext = Expression(TokenKind.VariableEnd, "}}");
                    break;
                default:
                    if (TryRaw(tag, out bool strip))
                    {
                        stripNext = strip;
                        break;
                    }
                    Add(TokenKind.BlockBegin, "{%", null, tag);
                    stripNext = Expression(TokenKind.BlockEnd, "%}");
                    break;
            }
        }
        Add(TokenKind.Eof, "", null, _src.Length);
    }

    private int FindTag(int from)
    {
        for (int i = _src.IndexOf('{', from); i >= 0 && i + 1 < _src.Length; i = _src.IndexOf('{', i + 1))
        {
            if (_src[i + 1] is '{' or '%' or '#')
                return i;
        }
        return -1;
    }

    /// <summary>Skips a comment; returns whether whitespace after it must be stripped.</summary>
    private bool Comment(int start)
    {
        int end = _src.IndexOf("#}", _pos, StringComparison.Ordinal);
        if (end < 0)
            throw Error("Missing end of comment tag", start);
        bool strip = end > _pos - 1 && _src[end - 1] == '-' && end - 1 >= _pos;
        bool keep = end - 1 >= _pos && _src[end - 1] == '+';
        _pos = end + 2;
        if (!strip && !keep)
            TrimNewline();
        return strip;
    }

    private void TrimNewline()
    {
        if (_trimBlocks && _pos < _src.Length && _src[_pos] == '\n')
            _pos++;
    }

    /// <summary>{% raw %}…{% endraw %}: the body is data, untouched.</summary>
    private bool TryRaw(int tag, out bool stripAfter)
    {
        stripAfter = false;
        int p = _pos;
        while (p < _src.Length && char.IsWhiteSpace(_src[p]))
            p++;
        if (string.CompareOrdinal(_src, p, "raw", 0, 3) != 0)
            return false;
        p += 3;
        while (p < _src.Length && char.IsWhiteSpace(_src[p]))
            p++;
        bool stripBody = p < _src.Length && _src[p] == '-';
        if (stripBody)
            p++;
        if (string.CompareOrdinal(_src, p, "%}", 0, 2) != 0)
            return false;
        int bodyStart = p + 2;
        if (stripBody)
            while (bodyStart < _src.Length && char.IsWhiteSpace(_src[bodyStart])) bodyStart++;
        int search = bodyStart;
        while (true)
        {
            int end = _src.IndexOf("{%", search, StringComparison.Ordinal);
            if (end < 0)
                throw Error("Missing end of raw directive", tag);
            int q = end + 2;
            bool stripBefore = q < _src.Length && _src[q] == '-';
            if (stripBefore || (q < _src.Length && _src[q] == '+'))
                q++;
            while (q < _src.Length && char.IsWhiteSpace(_src[q]))
                q++;
            if (string.CompareOrdinal(_src, q, "endraw", 0, 6) != 0)
            {
                search = end + 2;
                continue;
            }
            q += 6;
            while (q < _src.Length && char.IsWhiteSpace(_src[q]))
                q++;
            bool stripEnd = q < _src.Length && _src[q] == '-';
            if (stripEnd)
                q++;
            if (string.CompareOrdinal(_src, q, "%}", 0, 2) != 0)
                throw Error("Missing end of raw directive", tag);
            int bodyEnd = end;
            if (stripBefore)
                while (bodyEnd > bodyStart && char.IsWhiteSpace(_src[bodyEnd - 1])) bodyEnd--;
            if (bodyEnd > bodyStart)
                Add(TokenKind.Data, _src[bodyStart..bodyEnd], null, bodyStart);
            _pos = q + 2;
            if (!stripEnd)
                TrimNewline();
            stripAfter = stripEnd;
            return true;
        }
    }

    /// <summary>Tokens of one {{ … }} or {% … %}; returns whether whitespace after the closing tag is stripped.</summary>
    private bool Expression(TokenKind endKind, string end)
    {
        var brackets = new Stack<char>();
        while (true)
        {
            while (_pos < _src.Length && char.IsWhiteSpace(_src[_pos]))
                _pos++;
            if (_pos >= _src.Length)
                throw Error(endKind == TokenKind.BlockEnd ? "unexpected end of template, expected 'end of statement block'" : "unexpected end of template, expected 'end of print statement'", _pos);
            if (brackets.Count == 0)
            {
                if (_src[_pos] is '-' or '+' && string.CompareOrdinal(_src, _pos + 1, end, 0, 2) == 0)
                {
                    bool strip = _src[_pos] == '-';
                    Add(endKind, end, null, _pos);
                    _pos += 3;
                    if (!strip && endKind == TokenKind.BlockEnd && _src[_pos - 3] != '+')
                        TrimNewline();
                    return strip;
                }
                if (string.CompareOrdinal(_src, _pos, end, 0, 2) == 0)
                {
                    Add(endKind, end, null, _pos);
                    _pos += 2;
                    if (endKind == TokenKind.BlockEnd)
                        TrimNewline();
                    return false;
                }
            }
            char c = _src[_pos];
            int start = _pos;
            if (char.IsLetter(c) || c == '_')
            {
                while (_pos < _src.Length && (char.IsLetterOrDigit(_src[_pos]) || _src[_pos] == '_'))
                    _pos++;
                string name = _src[start.._pos];
                Add(TokenKind.Name, name, name, start);
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                Number(start);
                continue;
            }
            if (c is '\'' or '"')
            {
                StringLiteral(start);
                continue;
            }
            string op = Operator(start);
            if (op.Length == 0)
                throw Error($"unexpected char {Values.PyRepr.Repr(c.ToString())} at {start}", start);
            _pos += op.Length;
            switch (op)
            {
                case "(" or "[" or "{":
                    brackets.Push(op[0]);
                    break;
                case ")" or "]" or "}":
                    char expected = op == ")" ? '(' : op == "]" ? '[' : '{';
                    if (brackets.Count == 0)
                        throw Error($"unexpected '{op}'", start);
                    char open = brackets.Pop();
                    if (open != expected)
                        throw Error($"unexpected '{op}', expected '{(open == '(' ? ')' : open == '[' ? ']' : '}')}'", start);
                    break;
            }
            Add(TokenKind.Operator, op, null, start);
        }
    }

    private static readonly string[] Operators =
        ["//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"];

    private string Operator(int at)
    {
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_src, at, op, 0, op.Length) == 0)
                return op;
        }
        return "";
    }

    private void Number(int start)
    {
        // Jinja2: a float cannot follow a dot (so "foo.0.1" is foo[0][1]).
        bool afterDot = start > 0 && _src[start - 1] == '.';
        if (_src[start] == '0' && _pos + 1 < _src.Length && _src[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = char.ToLowerInvariant(_src[_pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            int digitsStart = _pos;
            while (_pos < _src.Length && (Uri.IsHexDigit(_src[_pos]) || _src[_pos] == '_'))
                _pos++;
            string digits = _src[digitsStart.._pos].Replace("_", "");
            long value = Convert.ToInt64(digits, radix);
            Add(TokenKind.Integer, _src[start.._pos], value, start);
            return;
        }
        while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || (_src[_pos] == '_' && _pos + 1 < _src.Length && char.IsAsciiDigit(_src[_pos + 1]))))
            _pos++;
        bool isFloat = false;
        if (!afterDot && _pos + 1 < _src.Length && _src[_pos] == '.' && char.IsAsciiDigit(_src[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || _src[_pos] == '_'))
                _pos++;
        }
        if (!afterDot && _pos < _src.Length && _src[_pos] is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (_pos < _src.Length && _src[_pos] is '+' or '-')
                _pos++;
            if (_pos < _src.Length && char.IsAsciiDigit(_src[_pos]))
            {
                isFloat = true;
                while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || _src[_pos] == '_'))
                    _pos++;
            }
            else
            {
                _pos = save;
            }
        }
        string text = _src[start.._pos];
        string clean = text.Replace("_", "");
        if (isFloat)
            Add(TokenKind.Float, text, double.Parse(clean, CultureInfo.InvariantCulture), start);
        else
            Add(TokenKind.Integer, text, long.Parse(clean, CultureInfo.InvariantCulture), start);
    }

    private void StringLiteral(int start)
    {
        char quote = _src[start];
        var sb = new StringBuilder();
        int i = start + 1;
        while (true)
        {
            if (i >= _src.Length)
                throw Error("unexpected char " + Values.PyRepr.Repr(quote.ToString()) + $" at {start}", start);
            char c = _src[i];
            if (c == quote)
                break;
            if (c == '\\' && i + 1 < _src.Length)
            {
                i = Escape(sb, i + 1);
                continue;
            }
            sb.Append(c);
            i++;
        }
        _pos = i + 1;
        Add(TokenKind.String, _src[start.._pos], sb.ToString(), start);
    }

    /// <summary>Python's string escapes (Jinja2 decodes literals with "unicode-escape" semantics).</summary>
    private int Escape(StringBuilder sb, int i)
    {
        char c = _src[i];
        switch (c)
        {
            case 'n': sb.Append('\n'); return i + 1;
            case 't': sb.Append('\t'); return i + 1;
            case 'r': sb.Append('\r'); return i + 1;
            case '\\': sb.Append('\\'); return i + 1;
            case '\'': sb.Append('\''); return i + 1;
            case '"': sb.Append('"'); return i + 1;
            case 'a': sb.Append('\a'); return i + 1;
            case 'b': sb.Append('\b'); return i + 1;
            case 'f': sb.Append('\f'); return i + 1;
            case 'v': sb.Append('\v'); return i + 1;
            case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                int end = i;
                while (end < _src.Length && end < i + 3 && _src[end] is >= '0' and <= '7')
                    end++;
                sb.Append((char)Convert.ToInt32(_src[i..end], 8));
                return end;
            case 'x' when i + 2 < _src.Length:
                sb.Append((char)Convert.ToInt32(_src.Substring(i + 1, 2), 16));
                return i + 3;
            case 'u' when i + 4 < _src.Length:
                sb.Append((char)Convert.ToInt32(_src.Substring(i + 1, 4), 16));
                return i + 5;
            case 'U' when i + 8 < _src.Length:
                sb.Append(char.ConvertFromUtf32(Convert.ToInt32(_src.Substring(i + 1, 8), 16)));
                return i + 9;
            case '\n': return i + 1;
            default: sb.Append('\\').Append(c); return i + 1;
        }
    }
}
