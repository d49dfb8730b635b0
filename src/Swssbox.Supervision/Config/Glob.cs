using System.Text;
using System.Text.RegularExpressions;

namespace Swssbox.Supervision.Config;

/// <summary>Python's sorted(glob.glob(pattern)): '*', '?', '[...]' per path component, dot files only when named.</summary>
public static class Glob
{
    /// <summary>Absolute paths matching <paramref name="pattern"/> (absolute), sorted ordinally.</summary>
    public static List<string> Match(string pattern)
    {
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "/" };
        for (int i = 0; i < parts.Length; i++)
        {
            bool last = i == parts.Length - 1;
            var next = new List<string>();
            foreach (var dir in current)
            {
                if (parts[i].IndexOfAny(['*', '?', '[']) < 0)
                {
                    string p = Path.Combine(dir, parts[i]);
                    if (last ? File.Exists(p) || Directory.Exists(p) : Directory.Exists(p))
                        next.Add(p);
                    continue;
                }
                var re = ToRegex(parts[i]);
                IEnumerable<string> entries;
                try { entries = Directory.EnumerateFileSystemEntries(dir); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                foreach (var e in entries)
                {
                    string name = Path.GetFileName(e);
                    if (name.StartsWith('.') && !parts[i].StartsWith('.'))
                        continue;
                    if (re.IsMatch(name) && (last || Directory.Exists(e)))
                        next.Add(e);
                }
            }
            current = next;
        }
        current.Sort(StringComparer.Ordinal);
        return current;
    }

    private static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var end && end > i + 1)
            {
                string body = pattern[(i + 1)..end];
                sb.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                i = end;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
