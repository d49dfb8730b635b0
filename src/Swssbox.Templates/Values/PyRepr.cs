using System.Globalization;
using System.Text;

namespace Swssbox.Templates.Values;

/// <summary>Python's str() and repr() of template values, as print() and Jinja2's output show them.</summary>
public static class PyRepr
{
    /// <summary>str(v); Undefined is ''.</summary>
    public static string Str(object? v) => v switch
    {
        string s => s,
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        Undefined => "",
        _ => Repr(v),
    };

    /// <summary>repr(v)</summary>
    public static string Repr(object? v)
    {
        var sb = new StringBuilder();
        Append(sb, v);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case string s: AppendString(sb, s); break;
            case PyList l:
                if (l.ViewName is not null)
                    sb.Append(l.ViewName).Append('(');
                sb.Append('[');
                for (int i = 0; i < l.Count; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Append(sb, l[i]);
                }
                sb.Append(']');
                if (l.ViewName is not null)
                    sb.Append(')');
                break;
            case PyTuple t:
                sb.Append('(');
                for (int i = 0; i < t.Count; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Append(sb, t.Items[i]);
                }
                sb.Append(t.Count == 1 ? ",)" : ")");
                break;
            case PyDict { ReprName: { } ordered } od:
                sb.Append(ordered).Append('(');
                if (od.Count > 0)
                    Append(sb, new PyList(od.Items.Select(kv => (object?)new PyTuple([kv.Key, kv.Value]))));
                sb.Append(')');
                break;
            case PyDict d:
                sb.Append('{');
                bool first = true;
                foreach (var kv in d.Items)
                {
                    if (!first)
                        sb.Append(", ");
                    first = false;
                    Append(sb, kv.Key);
                    sb.Append(": ");
                    Append(sb, kv.Value);
                }
                sb.Append('}');
                break;
            case PyRange r:
                sb.Append("range(").Append(r.Start).Append(", ").Append(r.Stop);
                if (r.Step != 1)
                    sb.Append(", ").Append(r.Step);
                sb.Append(')');
                break;
            case PyNamespace ns:
                sb.Append("<Namespace ");
                Append(sb, ns.Attributes);
                sb.Append('>');
                break;
            case Undefined: sb.Append("Undefined"); break;
            case Rendering.Macro m: sb.Append("<Macro '").Append(m.Name).Append("'>"); break;
            case Rendering.TemplateModule t: sb.Append(t.Body); break;
            case IPyCallable: sb.Append("<function>"); break;
            default: sb.Append(Str(v)); break;
        }
    }

    /// <summary>repr(str): single quotes unless the text holds one and no double quote; escapes as Python does.</summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                        sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f)
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else if (c >= 0x80 && c <= 0xa0)
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
    }

    /// <summary>repr(float): the shortest round-trip digits, fixed for 1e-4 &lt;= |x| &lt; 1e16, else exponent form.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d))
            return "nan";
        if (double.IsInfinity(d))
            return d > 0 ? "inf" : "-inf";
        if (d == 0)
            return double.IsNegative(d) ? "-0.0" : "0.0";
        var (negative, digits, exp) = ShortestDigits(d);
        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (exp >= -4 && exp < 16)
        {
            if (exp < 0)
            {
                sb.Append("0.").Append('0', -exp - 1).Append(digits);
            }
            else if (digits.Length <= exp + 1)
            {
                sb.Append(digits).Append('0', exp + 1 - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, exp + 1).Append('.').Append(digits, exp + 1, digits.Length - exp - 1);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Sign, significant digits (no trailing zeros) and decimal exponent of the first digit.</summary>
    public static (bool Negative, string Digits, int Exponent) ShortestDigits(double d)
    {
        // "E16" is not shortest; "R" is (since .NET Core 3.0) but chooses its own layout, so normalise it.
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string frac = dot >= 0 ? r[(dot + 1)..] : "";
        string all = intPart + frac;
        int firstNonZero = 0;
        while (firstNonZero < all.Length - 1 && all[firstNonZero] == '0')
            firstNonZero++;
        int pointPos = intPart.Length + exp;
        string digits = all[firstNonZero..].TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";
        return (d < 0, digits, pointPos - firstNonZero - 1);
    }
}
