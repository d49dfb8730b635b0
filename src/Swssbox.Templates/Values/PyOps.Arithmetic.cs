namespace Swssbox.Templates.Values;

public static partial class PyOps
{
    private static TemplateException Unsupported(string op, object? a, object? b) =>
        new(TemplateErrorKind.Type, $"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");

    private static void FailUndefined(object? a, object? b)
    {
        if (a is Undefined ua)
            throw ua.Fail();
        if (b is Undefined ub)
            throw ub.Fail();
    }

    /// <summary>a + b</summary>
    public static object? Add(object? a, object? b)
    {
        FailUndefined(a, b);
        if (IsNumber(a) && IsNumber(b))
            return IsInt(a) && IsInt(b) ? (object)checked(AsLong(a) + AsLong(b)) : AsDouble(a) + AsDouble(b);
        switch (a)
        {
            case string s when b is string t: return s + t;
            case string: throw new TemplateException(TemplateErrorKind.Type, $"can only concatenate str (not \"{TypeName(b)}\") to str");
            case PyList l when l.ViewName is null && b is PyList m && m.ViewName is null:
                var r = new PyList(l);
                r.AddRange(m);
                return r;
            case PyList l when l.ViewName is null: throw new TemplateException(TemplateErrorKind.Type, $"can only concatenate list (not \"{TypeName(b)}\") to list");
            case PyTuple x when b is PyTuple y: return new PyTuple([.. x.Items, .. y.Items]);
            case PyTuple: throw new TemplateException(TemplateErrorKind.Type, $"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
        }
        throw Unsupported("+", a, b);
    }

    /// <summary>a - b</summary>
    public static object? Subtract(object? a, object? b)
    {
        FailUndefined(a, b);
        if (IsNumber(a) && IsNumber(b))
            return IsInt(a) && IsInt(b) ? (object)checked(AsLong(a) - AsLong(b)) : AsDouble(a) - AsDouble(b);
        throw Unsupported("-", a, b);
    }

    /// <summary>a * b</summary>
    public static object? Multiply(object? a, object? b)
    {
        FailUndefined(a, b);
        if (IsNumber(a) && IsNumber(b))
            return IsInt(a) && IsInt(b) ? (object)checked(AsLong(a) * AsLong(b)) : AsDouble(a) * AsDouble(b);
        if (IsInt(b) && a is string or PyList or PyTuple)
            return Repeat(a, AsLong(b));
        if (IsInt(a) && b is string or PyList or PyTuple)
            return Repeat(b, AsLong(a));
        if (a is string && b is not null && !IsInt(b))
            throw new TemplateException(TemplateErrorKind.Type, $"can't multiply sequence by non-int of type '{TypeName(b)}'");
        throw Unsupported("*", a, b);
    }

    private static object Repeat(object? seq, long n)
    {
        switch (seq)
        {
            case string s:
                return n <= 0 ? "" : new System.Text.StringBuilder().Insert(0, s, (int)n).ToString();
            case PyList l:
                var r = new PyList();
                for (long i = 0; i < n; i++)
                    r.AddRange(l);
                return r;
            default:
                var t = (PyTuple)seq!;
                var items = new List<object?>();
                for (long i = 0; i < n; i++)
                    items.AddRange(t.Items);
                return new PyTuple([.. items]);
        }
    }

    /// <summary>a / b (true division: always a float)</summary>
    public static object? Divide(object? a, object? b)
    {
        FailUndefined(a, b);
        if (!IsNumber(a) || !IsNumber(b))
            throw Unsupported("/", a, b);
        if (AsDouble(b) == 0)
            throw new TemplateException(TemplateErrorKind.ZeroDivision, IsInt(a) && IsInt(b) ? "division by zero" : "float division by zero");
        return AsDouble(a) / AsDouble(b);
    }

    /// <summary>a // b (floor division)</summary>
    public static object? FloorDivide(object? a, object? b)
    {
        FailUndefined(a, b);
        if (!IsNumber(a) || !IsNumber(b))
            throw Unsupported("//", a, b);
        if (IsInt(a) && IsInt(b))
        {
            long x = AsLong(a), y = AsLong(b);
            if (y == 0)
                throw new TemplateException(TemplateErrorKind.ZeroDivision, "integer division or modulo by zero");
            long q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                q--;
            return q;
        }
        if (AsDouble(b) == 0)
            throw new TemplateException(TemplateErrorKind.ZeroDivision, "float floor division by zero");
        return Math.Floor(AsDouble(a) / AsDouble(b));
    }

    /// <summary>a % b: string formatting when a is a str, else Python's modulo (sign of the divisor).</summary>
    public static object? Modulo(object? a, object? b)
    {
        // str % x formats x with str(), so an Undefined argument is only an error for %d and friends.
        if (a is string format)
            return PyFormat.Percent(format, b);
        FailUndefined(a, b);
        if (!IsNumber(a) || !IsNumber(b))
            throw Unsupported("%", a, b);
        if (IsInt(a) && IsInt(b))
        {
            long x = AsLong(a), y = AsLong(b);
            if (y == 0)
                throw new TemplateException(TemplateErrorKind.ZeroDivision, "integer modulo by zero");
            long m = x % y;
            if (m != 0 && ((m < 0) != (y < 0)))
                m += y;
            return m;
        }
        double p = AsDouble(a), q = AsDouble(b);
        if (q == 0)
            throw new TemplateException(TemplateErrorKind.ZeroDivision, "float modulo");
        double r = p % q;
        if (r != 0 && ((r < 0) != (q < 0)))
            r += q;
        // CPython: a zero remainder takes the divisor's sign (1.0 % -0.5 is -0.0).
        return r == 0 ? Math.CopySign(0.0, q) : r;
    }

    /// <summary>a ** b</summary>
    public static object? Power(object? a, object? b)
    {
        FailUndefined(a, b);
        if (!IsNumber(a) || !IsNumber(b))
            throw Unsupported("** or pow()", a, b);
        if (IsInt(a) && IsInt(b) && AsLong(b) >= 0)
        {
            long result = 1, x = AsLong(a);
            for (long e = AsLong(b); e > 0; e--)
                result = checked(result * x);
            return result;
        }
        return Math.Pow(AsDouble(a), AsDouble(b));
    }

    /// <summary>-a</summary>
    public static object? Negate(object? a)
    {
        if (a is Undefined u)
            throw u.Fail();
        return a switch
        {
            long or bool => (object)(-AsLong(a)),
            double d => -d,
            _ => throw new TemplateException(TemplateErrorKind.Type, $"bad operand type for unary -: '{TypeName(a)}'"),
        };
    }

    /// <summary>+a</summary>
    public static object? Plus(object? a)
    {
        if (a is Undefined u)
            throw u.Fail();
        return a switch
        {
            long or bool => (object)AsLong(a),
            double d => d,
            _ => throw new TemplateException(TemplateErrorKind.Type, $"bad operand type for unary +: '{TypeName(a)}'"),
        };
    }
}
