using System.Globalization;
using System.Text;

namespace Swssbox.Templates.Values;

/// <summary>Python's printf-style <c>str % args</c> and the format-spec mini-language used by <c>str.format</c>.</summary>
public static class PyFormat
{
    /// <summary><c>format % args</c>: a tuple gives positional values, a dict named ones, anything else one value.</summary>
    public static string Percent(string format, object? args)
    {
        IReadOnlyList<object?> values = args is PyTuple t ? t.Items : [args];
        var mapping = args as PyDict;
        // CPython treats any non-tuple, non-str argument with __getitem__ as a mapping: leftovers are then no error.
        bool mappingLike = args is PyDict or PyList or PyRange or Undefined;
        int next = 0;
        bool usedMapping = false;
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= format.Length)
                throw new TemplateException(TemplateErrorKind.Value, "incomplete format");
            object? value = null;
            bool haveValue = false;
            if (format[i] == '(')
            {
                int close = format.IndexOf(')', i);
                if (close < 0)
                    throw new TemplateException(TemplateErrorKind.Value, "incomplete format key");
                string key = format[(i + 1)..close];
                if (mapping is null)
                    throw new TemplateException(TemplateErrorKind.Type, "format requires a mapping");
                if (!mapping.TryGetValue(key, out value))
                    throw new TemplateException(TemplateErrorKind.Lookup, PyRepr.Repr(key));
                haveValue = true;
                usedMapping = true;
                i = close + 1;
            }
            var spec = new Spec();
            for (; i < format.Length && "-+ #0".Contains(format[i]); i++)
            {
                switch (format[i])
                {
                    case '-': spec.Align = '<'; break;
                    case '+': spec.Sign = '+'; break;
                    case ' ': if (spec.Sign != '+') spec.Sign = ' '; break;
                    case '#': spec.Alternate = true; break;
                    case '0': spec.ZeroPad = true; break;
                }
            }
            if (i < format.Length && format[i] == '*')
            {
                spec.Width = (int)PyOps.AsLong(Take(values, ref next));
                i++;
            }
            else
            {
                spec.Width = ReadInt(format, ref i);
            }
            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (i < format.Length && format[i] == '*')
                {
                    spec.Precision = (int)PyOps.AsLong(Take(values, ref next));
                    i++;
                }
                else
                {
                    spec.Precision = ReadInt(format, ref i) ?? 0;
                }
            }
            while (i < format.Length && format[i] is 'h' or 'l' or 'L')
                i++;
            if (i >= format.Length)
                throw new TemplateException(TemplateErrorKind.Value, "incomplete format");
            char type = format[i];
            if (type == '%')
            {
                sb.Append('%');
                continue;
            }
            if (!haveValue)
                value = Take(values, ref next);
            if (spec.Align == '<')
                spec.ZeroPad = false;
            sb.Append(FormatOne(value, type, spec, i));
        }
        if (!usedMapping && !mappingLike && next < values.Count)
            throw new TemplateException(TemplateErrorKind.Type, "not all arguments converted during string formatting");
        return sb.ToString();
    }

    private static object? Take(IReadOnlyList<object?> values, ref int next)
    {
        if (next >= values.Count)
            throw new TemplateException(TemplateErrorKind.Type, "not enough arguments for format string");
        return values[next++];
    }

    private static int? ReadInt(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        return i > start ? int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private sealed class Spec
    {
        public char Align = '>';
        public char Sign = '-';
        public bool Alternate;
        public bool ZeroPad;
        public int? Width;
        public int? Precision;
    }

    private static string FormatOne(object? value, char type, Spec spec, int position)
    {
        if (value is Undefined u && type is not ('s' or 'r' or 'a'))
            throw u.Fail();
        string body;
        bool numeric = true;
        switch (type)
        {
            case 's':
                body = PyRepr.Str(value);
                numeric = false;
                break;
            case 'r' or 'a':
                body = PyRepr.Repr(value);
                numeric = false;
                break;
            case 'd' or 'i' or 'u':
                if (!PyOps.IsNumber(value))
                    throw new TemplateException(TemplateErrorKind.Type, $"%{type} format: a real number is required, not {PyOps.TypeName(value)}");
                body = IntBody(value is double d ? (long)Math.Truncate(d) : PyOps.AsLong(value));
                break;
            case 'x' or 'X' or 'o':
                if (!PyOps.IsInt(value))
                    throw new TemplateException(TemplateErrorKind.Type, $"%{type} format: an integer is required, not {PyOps.TypeName(value)}");
                long n = PyOps.AsLong(value);
                string digits = type == 'o' ? Convert.ToString(Math.Abs(n), 8) : Math.Abs(n).ToString(type == 'x' ? "x" : "X", CultureInfo.InvariantCulture);
                if (spec.Alternate)
                    digits = (type == 'o' ? "0o" : type == 'x' ? "0x" : "0X") + digits;
                body = (n < 0 ? "-" : "") + digits;
                break;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                if (!PyOps.IsNumber(value))
                    throw new TemplateException(TemplateErrorKind.Type, $"must be real number, not {PyOps.TypeName(value)}");
                body = FloatBody(PyOps.AsDouble(value), type, spec.Precision ?? 6, spec.Alternate);
                break;
            case 'c':
                body = value is string cs ? cs : char.ConvertFromUtf32((int)PyOps.AsLong(value));
                numeric = false;
                break;
            default:
                throw new TemplateException(TemplateErrorKind.Value, $"unsupported format character '{type}' (0x{(int)type:x}) at index {position}");
        }
        if (!numeric && spec.Precision is { } p && body.Length > p)
            body = body[..p];
        if (numeric && spec.Sign != '-' && !body.StartsWith('-'))
            body = spec.Sign + body;
        int width = spec.Width ?? 0;
        if (body.Length >= width)
            return body;
        if (spec.Align == '<')
            return body.PadRight(width);
        if (numeric && spec.ZeroPad)
        {
            int signLen = body.Length > 0 && body[0] is '-' or '+' or ' ' ? 1 : 0;
            if (body.Length > signLen + 1 && body[signLen] == '0' && body[signLen + 1] is 'x' or 'X' or 'o')
                signLen += 2;
            return body[..signLen] + new string('0', width - body.Length) + body[signLen..];
        }
        return body.PadLeft(width);
    }

    private static string IntBody(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>%e/%f/%g of a float with Python's layout (two-digit exponents at least, nan/inf names).</summary>
    public static string FloatBody(double d, char type, int precision, bool alternate = false)
    {
        bool upper = char.IsUpper(type);
        if (double.IsNaN(d))
            return upper ? "NAN" : "nan";
        if (double.IsInfinity(d))
            return (d < 0 ? "-" : "") + (upper ? "INF" : "inf");
        string result;
        switch (char.ToLowerInvariant(type))
        {
            case 'f':
                result = d.ToString("F" + precision, CultureInfo.InvariantCulture);
                if (double.IsNegative(d) && !result.StartsWith('-'))
                    result = "-" + result;
                break;
            case 'e':
                result = Exponent(d, precision);
                break;
            default:
                int p = precision == 0 ? 1 : precision;
                if (d == 0)
                {
                    result = alternate ? "0." + new string('0', p - 1) : "0";
                    if (double.IsNegative(d))
                        result = "-" + result;
                    break;
                }
                string e = Exponent(d, p - 1);
                int exp = int.Parse(e.AsSpan(e.IndexOf('e') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                if (exp >= -4 && exp < p)
                    result = d.ToString("F" + (p - 1 - exp), CultureInfo.InvariantCulture);
                else
                    result = e;
                if (!alternate)
                {
                    int ePos = result.IndexOf('e');
                    string mant = ePos >= 0 ? result[..ePos] : result;
                    string tail = ePos >= 0 ? result[ePos..] : "";
                    if (mant.Contains('.'))
                        mant = mant.TrimEnd('0').TrimEnd('.');
                    result = mant + tail;
                }
                break;
        }
        return upper ? result.ToUpperInvariant() : result;
    }

    private static string Exponent(double d, int precision)
    {
        string s = d.ToString((precision == 0 ? "0" : "0." + new string('0', precision)) + "e+00", CultureInfo.InvariantCulture);
        return s;
    }

    /// <summary><c>str.format(*args, **kwargs)</c></summary>
    public static string Format(string format, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        var sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    sb.Append('{');
                    i++;
                    continue;
                }
                int close = format.IndexOf('}', i);
                if (close < 0)
                    throw new TemplateException(TemplateErrorKind.Value, "expected '}' before end of string");
                string field = format[(i + 1)..close];
                i = close;
                string? spec = null;
                char conversion = '\0';
                int colon = field.IndexOf(':');
                if (colon >= 0)
                {
                    spec = field[(colon + 1)..];
                    field = field[..colon];
                }
                int bang = field.IndexOf('!');
                if (bang >= 0)
                {
                    conversion = field.Length > bang + 1 ? field[bang + 1] : 'x';
                    field = field[..bang];
                }
                object? value = ResolveField(field, args, kwargs, ref auto);
                if (conversion == 'r' || conversion == 'a')
                    value = PyRepr.Repr(value);
                else if (conversion == 's')
                    value = PyRepr.Str(value);
                sb.Append(FormatSpec(value, spec ?? ""));
            }
            else if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                    i++;
                else
                    throw new TemplateException(TemplateErrorKind.Value, "Single '}' encountered in format string");
                sb.Append('}');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static object? ResolveField(string field, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs, ref int auto)
    {
        int end = field.IndexOfAny(['.', '[']);
        string head = end >= 0 ? field[..end] : field;
        object? value;
        if (head.Length == 0)
        {
            if (auto >= args.Count)
                throw new TemplateException(TemplateErrorKind.Lookup, $"Replacement index {auto} out of range for positional args tuple");
            value = args[auto++];
        }
        else if (int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            if (index >= args.Count)
                throw new TemplateException(TemplateErrorKind.Lookup, $"Replacement index {index} out of range for positional args tuple");
            value = args[index];
        }
        else
        {
            var found = kwargs.FirstOrDefault(k => k.Key == head);
            if (found.Key is null)
                throw new TemplateException(TemplateErrorKind.Lookup, PyRepr.Repr(head));
            value = found.Value;
        }
        string rest = end >= 0 ? field[end..] : "";
        while (rest.Length > 0)
        {
            if (rest[0] == '.')
            {
                int next = rest.IndexOfAny(['.', '['], 1);
                string name = next >= 0 ? rest[1..next] : rest[1..];
                if (!PyMethods.TryGetAttribute(value, name, out value))
                    throw new TemplateException(TemplateErrorKind.Type, $"object has no attribute '{name}'");
                rest = next >= 0 ? rest[next..] : "";
            }
            else
            {
                int close = rest.IndexOf(']');
                string key = rest[1..close];
                object k = long.TryParse(key, out long n) ? n : key;
                value = PyMethods.Subscript(value, k);
                rest = rest[(close + 1)..];
            }
        }
        return value;
    }

    /// <summary>format(value, spec): [[fill]align][sign][#][0][width][,|_][.precision][type]</summary>
    public static string FormatSpec(object? value, string spec)
    {
        if (value is Undefined && spec.Length == 0)
            return "";
        int i = 0;
        char fill = ' ', align = '\0', sign = '-';
        bool alternate = false, zero = false;
        char grouping = '\0';
        if (spec.Length >= 2 && spec[1] is '<' or '>' or '^' or '=')
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (spec.Length >= 1 && spec[0] is '<' or '>' or '^' or '=')
        {
            align = spec[0];
            i = 1;
        }
        if (i < spec.Length && spec[i] is '+' or '-' or ' ')
            sign = spec[i++];
        if (i < spec.Length && spec[i] == '#')
        {
            alternate = true;
            i++;
        }
        if (i < spec.Length && spec[i] == '0')
        {
            zero = true;
            i++;
        }
        int width = ReadInt(spec, ref i) ?? 0;
        if (i < spec.Length && spec[i] is ',' or '_')
            grouping = spec[i++];
        int? precision = null;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            precision = ReadInt(spec, ref i);
        }
        char type = i < spec.Length ? spec[i] : '\0';
        if (zero && align == '\0')
        {
            fill = '0';
            align = '=';
        }
        string body;
        bool numeric = PyOps.IsNumber(value) && value is not bool || (value is bool && type != '\0' && type != 's');
        if (value is string s || !numeric)
        {
            if (type is not ('\0' or 's'))
            {
                if (value is bool)
                    numeric = true;
                else
                    throw new TemplateException(TemplateErrorKind.Value, $"Unknown format code '{type}' for object of type '{PyOps.TypeName(value)}'");
            }
            body = PyRepr.Str(value);
            if (precision is { } p && body.Length > p)
                body = body[..p];
            if (!numeric)
                return Pad(body, width, fill, align == '\0' ? '<' : align);
        }
        if (PyOps.IsInt(value) && type is '\0' or 'd' or 'n' or 'x' or 'X' or 'o' or 'b' or 'c')
        {
            long n = PyOps.AsLong(value);
            string digits = type switch
            {
                'x' => Math.Abs(n).ToString("x", CultureInfo.InvariantCulture),
                'X' => Math.Abs(n).ToString("X", CultureInfo.InvariantCulture),
                'o' => Convert.ToString(Math.Abs(n), 8),
                'b' => Convert.ToString(Math.Abs(n), 2),
                'c' => char.ConvertFromUtf32((int)n),
                _ => Math.Abs(n).ToString(CultureInfo.InvariantCulture),
            };
            if (grouping != '\0' && type is '\0' or 'd')
                digits = Group(digits, grouping);
            if (alternate && type is 'x' or 'X' or 'o' or 'b')
                digits = "0" + type + digits;
            body = digits;
            return PadNumber(n < 0, body, sign, width, fill, align);
        }
        double d = PyOps.AsDouble(value);
        char ft = type == '\0' ? 'r' : type;
        if (ft == 'r')
        {
            body = precision is { } gp ? FloatBody(Math.Abs(d), 'g', gp) : PyRepr.Float(Math.Abs(d));
        }
        else if (ft == '%')
        {
            body = FloatBody(Math.Abs(d) * 100, 'f', precision ?? 6) + "%";
        }
        else
        {
            body = FloatBody(Math.Abs(d), ft, precision ?? 6, alternate);
        }
        if (grouping != '\0')
        {
            int dot = body.IndexOfAny(['.', 'e', '%']);
            body = Group(dot >= 0 ? body[..dot] : body, grouping) + (dot >= 0 ? body[dot..] : "");
        }
        return PadNumber(double.IsNegative(d) && !double.IsNaN(d), body, sign, width, fill, align);
    }

    private static string Group(string digits, char sep)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
                sb.Append(sep);
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    private static string PadNumber(bool negative, string body, char sign, int width, char fill, char align)
    {
        string prefix = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        if (align == '=')
            return prefix + (prefix.Length + body.Length < width ? new string(fill, width - prefix.Length - body.Length) : "") + body;
        return Pad(prefix + body, width, fill, align == '\0' ? '>' : align);
    }

    private static string Pad(string s, int width, char fill, char align)
    {
        int len = PyOps.CodePoints(s);
        if (len >= width)
            return s;
        int total = width - len;
        return align switch
        {
            '<' => s + new string(fill, total),
            '^' => new string(fill, total / 2) + s + new string(fill, total - total / 2),
            _ => new string(fill, total) + s,
        };
    }
}
