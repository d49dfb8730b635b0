using System.Globalization;
using System.Text;

namespace Swssbox.Supervision.Config;

/// <summary>
/// Python '%' formatting of config values against a dict, as supervisor's datatypes.expand does:
/// %(name)s and %(name)d, '%%' for a literal '%'; an unknown name or a stray '%' is an error.
/// </summary>
public static class Expansion
{
    /// <summary>Expands <paramref name="text"/>; throws <see cref="FormatException"/> with supervisor's wording.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> names, string option)
    {
        if (text.IndexOf('%') < 0)
            return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '%') { sb.Append(c); continue; }
            if (i + 1 >= text.Length)
                throw Bad(text, option, "incomplete format");
            char n = text[i + 1];
            if (n == '%') { sb.Append('%'); i++; continue; }
            if (n != '(')
                throw Bad(text, option, $"unsupported format character '{n}'");
            int close = text.IndexOf(')', i + 2);
            if (close < 0)
                throw Bad(text, option, "incomplete format key");
            string name = text[(i + 2)..close];
            // flags/width are rare in configs; accept digits and '-' then a conversion letter
            int j = close + 1;
            int specStart = j;
            while (j < text.Length && (char.IsDigit(text[j]) || text[j] == '-' || text[j] == '.'))
                j++;
            if (j >= text.Length)
                throw Bad(text, option, "incomplete format");
            char conv = text[j];
            if (!names.TryGetValue(name, out var value))
                throw new FormatException($"Format string {PyRepr(text)} for {PyRepr(option)} contains names ({PyRepr(name)}) which cannot be expanded. Available names: {string.Join(", ", names.Keys.Order(StringComparer.Ordinal))}");
            string width = text[specStart..j];
            switch (conv)
            {
                case 's' or 'r':
                    sb.Append(Pad(value, width));
                    break;
                case 'd' or 'i':
                    if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long num))
                        throw Bad(text, option, $"%d format: a real number is required, not str");
                    sb.Append(Pad(num.ToString(CultureInfo.InvariantCulture), width));
                    break;
                default:
                    throw Bad(text, option, $"unsupported format character '{conv}'");
            }
            i = j;
        }
        return sb.ToString();
    }

    private static string Pad(string v, string width)
    {
        if (width.Length == 0) return v;
        bool left = width.StartsWith('-');
        string digits = new(width.TrimStart('-').TakeWhile(char.IsDigit).ToArray());
        if (!int.TryParse(digits, out int w)) return v;
        return left ? v.PadRight(w) : v.PadLeft(w, width.StartsWith('0') ? '0' : ' ');
    }

    private static FormatException Bad(string text, string option, string why) =>
        new($"Format string {PyRepr(text)} for {PyRepr(option)} is badly formatted: {why}");

    /// <summary>Python's repr of a str, enough for messages.</summary>
    public static string PyRepr(string s) => s.Contains('\'') && !s.Contains('"') ? "\"" + s + "\"" : "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'";
}
