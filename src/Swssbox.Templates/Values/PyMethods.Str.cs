using System.Text;

namespace Swssbox.Templates.Values;

public static partial class PyMethods
{
    private static bool IsPySpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85' || (c > 127 && char.IsWhiteSpace(c));

    /// <summary>str.split(sep=None, maxsplit=-1)</summary>
    public static PyList Split(string s, string? sep, long maxsplit = -1)
    {
        var result = new PyList();
        if (sep is null)
        {
            int i = 0;
            while (true)
            {
                while (i < s.Length && IsPySpace(s[i]))
                    i++;
                if (i >= s.Length)
                    break;
                if (maxsplit >= 0 && result.Count == maxsplit)
                {
                    result.Add(s[i..].TrimEnd());
                    int end = s.Length;
                    while (end > i && IsPySpace(s[end - 1]))
                        end--;
                    result[^1] = s[i..end];
                    break;
                }
                int start = i;
                while (i < s.Length && !IsPySpace(s[i]))
                    i++;
                result.Add(s[start..i]);
            }
            return result;
        }
        if (sep.Length == 0)
            throw new TemplateException(TemplateErrorKind.Value, "empty separator");
        int pos = 0;
        while (maxsplit < 0 || result.Count < maxsplit)
        {
            int at = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (at < 0)
                break;
            result.Add(s[pos..at]);
            pos = at + sep.Length;
        }
        result.Add(s[pos..]);
        return result;
    }

    private static PyList RSplit(string s, string? sep, long maxsplit)
    {
        if (maxsplit < 0 || sep is null)
            return Split(s, sep, maxsplit < 0 ? -1 : maxsplit);
        var parts = new List<object?>();
        int end = s.Length;
        while (parts.Count < maxsplit)
        {
            int at = end - sep.Length >= 0 ? s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal) : -1;
            if (at < 0)
                break;
            parts.Add(s[(at + sep.Length)..end]);
            end = at;
        }
        parts.Add(s[..end]);
        parts.Reverse();
        return new PyList(parts);
    }

    private static string Strip(string s, object? chars, bool left, bool right)
    {
        Func<char, bool> strip = chars is string set ? set.Contains : IsPySpace;
        int start = 0, end = s.Length;
        if (left)
            while (start < end && strip(s[start])) start++;
        if (right)
            while (end > start && strip(s[end - 1])) end--;
        return s[start..end];
    }

    private static bool Affix(string s, object? affix, bool prefix)
    {
        if (affix is PyTuple t)
            return t.Items.Any(a => Affix(s, a, prefix));
        if (affix is not string a)
            throw new TemplateException(TemplateErrorKind.Type, $"{(prefix ? "startswith" : "endswith")} first arg must be str or a tuple of str, not {PyOps.TypeName(affix)}");
        return prefix ? s.StartsWith(a, StringComparison.Ordinal) : s.EndsWith(a, StringComparison.Ordinal);
    }

    /// <summary>str.title(): upper-case the first cased letter after every uncased character.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool prevCased = false;
        foreach (char c in s)
        {
            bool cased = char.IsLetter(c);
            sb.Append(cased ? (prevCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) : c);
            prevCased = cased;
        }
        return sb.ToString();
    }

    /// <summary>str.capitalize()</summary>
    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    /// <summary>str.center(width, fill): CPython puts the odd extra pad on the left when the length is odd.</summary>
    public static string Center(string s, long width, char fill = ' ')
    {
        int len = PyOps.CodePoints(s);
        if (width <= len)
            return s;
        long marg = width - len;
        long left = marg / 2 + (marg & width & 1);
        return new string(fill, (int)left) + s + new string(fill, (int)(marg - left));
    }

    private static object? StrMethod(string s, string name, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs)
    {
        switch (name)
        {
            case "split":
            case "rsplit":
                object? sep = Arg(args, 0, name) ?? kwargs.FirstOrDefault(k => k.Key == "sep").Value;
                object? max = Arg(args, 1, name) ?? kwargs.FirstOrDefault(k => k.Key == "maxsplit").Value;
                if (sep is not null and not string)
                    throw new TemplateException(TemplateErrorKind.Type, $"must be str or None, not {PyOps.TypeName(sep)}");
                long maxsplit = max is null ? -1 : PyOps.AsLong(max);
                return name == "split" ? Split(s, (string?)sep, maxsplit) : RSplit(s, (string?)sep, maxsplit);
            case "startswith": return Affix(s, Arg(args, 0, name, required: true), true);
            case "endswith": return Affix(s, Arg(args, 0, name, required: true), false);
            case "replace":
                string old = StrArg(args, 0, name), @new = StrArg(args, 1, name);
                long count = args.Count > 2 ? PyOps.AsLong(args[2]) : -1;
                return Replace(s, old, @new, count);
            case "lower": return s.ToLowerInvariant();
            case "upper": return s.ToUpperInvariant();
            case "casefold": return s.ToLowerInvariant();
            case "swapcase": return new string(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
            case "strip": return Strip(s, Arg(args, 0, name), true, true);
            case "lstrip": return Strip(s, Arg(args, 0, name), true, false);
            case "rstrip": return Strip(s, Arg(args, 0, name), false, true);
            case "join":
                var parts = PyOps.Iterate(Arg(args, 0, name, required: true));
                for (int i = 0; i < parts.Count; i++)
                {
                    if (parts[i] is not string)
                        throw new TemplateException(TemplateErrorKind.Type, $"sequence item {i}: expected str instance, {PyOps.TypeName(parts[i])} found");
                }
                return string.Join(s, parts.Cast<string>());
            case "format": return PyFormat.Format(s, args, kwargs);
            case "find": return (long)s.IndexOf(StrArg(args, 0, name), StringComparison.Ordinal);
            case "rfind": return (long)s.LastIndexOf(StrArg(args, 0, name), StringComparison.Ordinal);
            case "index":
            case "rindex":
                string needle = StrArg(args, 0, name);
                int at = name == "index" ? s.IndexOf(needle, StringComparison.Ordinal) : s.LastIndexOf(needle, StringComparison.Ordinal);
                return at < 0 ? throw new TemplateException(TemplateErrorKind.Value, "substring not found") : (long)at;
            case "count":
                string sub = StrArg(args, 0, name);
                if (sub.Length == 0)
                    return (long)PyOps.CodePoints(s) + 1;
                long n = 0;
                for (int p = s.IndexOf(sub, StringComparison.Ordinal); p >= 0; p = s.IndexOf(sub, p + sub.Length, StringComparison.Ordinal))
                    n++;
                return n;
            case "isdigit" or "isnumeric" or "isdecimal": return s.Length > 0 && s.All(char.IsDigit);
            case "isalpha": return s.Length > 0 && s.All(char.IsLetter);
            case "isalnum": return s.Length > 0 && s.All(char.IsLetterOrDigit);
            case "isspace": return s.Length > 0 && s.All(IsPySpace);
            case "islower": return s.Any(char.IsLetter) && !s.Any(char.IsUpper);
            case "isupper": return s.Any(char.IsLetter) && !s.Any(char.IsLower);
            case "istitle": return s.Any(char.IsLetter) && Title(s) == s;
            case "title": return Title(s);
            case "capitalize": return Capitalize(s);
            case "zfill":
                long width = PyOps.AsLong(Arg(args, 0, name, required: true));
                if (s.Length >= width)
                    return s;
                int signLen = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
                return s[..signLen] + new string('0', (int)width - s.Length) + s[signLen..];
            case "ljust":
            case "rjust":
            case "center":
                long w = PyOps.AsLong(Arg(args, 0, name, required: true));
                char fill = Arg(args, 1, name) is string f && f.Length == 1 ? f[0] : ' ';
                int len = PyOps.CodePoints(s);
                if (w <= len)
                    return s;
                return name == "ljust" ? s + new string(fill, (int)w - len) : name == "rjust" ? new string(fill, (int)w - len) + s : Center(s, w, fill);
            case "partition":
            case "rpartition":
                string by = StrArg(args, 0, name);
                int idx = name == "partition" ? s.IndexOf(by, StringComparison.Ordinal) : s.LastIndexOf(by, StringComparison.Ordinal);
                if (idx < 0)
                    return name == "partition" ? new PyTuple([s, "", ""]) : new PyTuple(["", "", s]);
                return new PyTuple([s[..idx], by, s[(idx + by.Length)..]]);
            default:
                var lines = new PyList();
                int start = 0;
                for (int i = 0; i < s.Length; i++)
                {
                    if (s[i] is '\n' or '\r')
                    {
                        lines.Add(s[start..i]);
                        if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                            i++;
                        start = i + 1;
                    }
                }
                if (start < s.Length)
                    lines.Add(s[start..]);
                return lines;
        }
    }

    /// <summary>str.replace(old, new, count): an empty <paramref name="old"/> inserts between every character.</summary>
    public static string Replace(string s, string old, string @new, long count = -1)
    {
        if (count < 0 && old.Length > 0)
            return s.Replace(old, @new, StringComparison.Ordinal);
        var sb = new StringBuilder();
        long done = 0;
        if (old.Length == 0)
        {
            foreach (var ch in PyOps.Chars(s))
            {
                if (count < 0 || done < count)
                {
                    sb.Append(@new);
                    done++;
                }
                sb.Append((string)ch!);
            }
            if (count < 0 || done < count)
                sb.Append(@new);
            return sb.ToString();
        }
        int pos = 0;
        while (done < count)
        {
            int at = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (at < 0)
                break;
            sb.Append(s, pos, at - pos).Append(@new);
            pos = at + old.Length;
            done++;
        }
        sb.Append(s, pos, s.Length - pos);
        return sb.ToString();
    }
}

/// <summary>A slice <c>start:stop:step</c> (each may be None).</summary>
public sealed class Slice(object? start, object? stop, object? step)
{
    /// <summary>seq[start:stop:step]</summary>
    public object Apply(object? seq)
    {
        IReadOnlyList<object?> items = seq switch
        {
            PyList l => l,
            PyTuple t => t.Items,
            string s => PyOps.Chars(s),
            _ => PyOps.Iterate(seq),
        };
        long n = items.Count;
        long st = step is null ? 1 : PyOps.AsLong(step);
        if (st == 0)
            throw new TemplateException(TemplateErrorKind.Value, "slice step cannot be zero");
        long Clamp(object? v, long dflt, bool isStart)
        {
            if (v is null)
                return dflt;
            long x = PyOps.AsLong(v);
            if (x < 0)
                x += n;
            if (st > 0)
                return Math.Clamp(x, 0, n);
            return Math.Clamp(x, -1, n - 1);
        }
        long a = Clamp(start, st > 0 ? 0 : n - 1, true);
        long b = Clamp(stop, st > 0 ? n : -1, false);
        var result = new List<object?>();
        for (long i = a; st > 0 ? i < b : i > b; i += st)
            result.Add(items[(int)i]);
        return seq switch
        {
            string => string.Concat(result.Cast<string>()),
            PyTuple => new PyTuple([.. result]),
            _ => new PyList(result),
        };
    }
}
