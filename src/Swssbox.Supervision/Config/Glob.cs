
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
                IEnumerable<string> entries;
                try { entries = Directory.EnumerateFileSystemEntries(dir); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                foreach (var e in entries)
                {
                    string name = Path.GetFileName(e);
                    if (name.StartsWith('.') && !parts[i].StartsWith('.'))
                        continue;
                    if (FnMatch(parts[i], name) && (last || Directory.Exists(e)))
                        next.Add(e);
                }
            }
            current = next;
        }
        current.Sort(StringComparer.Ordinal);
        return current;
    }

    /// <summary>fnmatch of one path component: '*', '?', '[abc]', '[a-z]', '[!x]' (no regex engine: PID 1's RSS is code pages).</summary>
    public static bool FnMatch(string pattern, string name) => Match(pattern, 0, name, 0);

    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            if (c == '*')
            {
                for (int k = si; k <= s.Length; k++)
                    if (Match(p, pi + 1, s, k)) return true;
                return false;
            }
            if (si >= s.Length) return false;
            if (c == '?') { pi++; si++; continue; }
            if (c == '[' && p.IndexOf(']', pi + 2) is var end && end > pi)
            {
                int i = pi + 1;
                bool negate = p[i] == '!';
                if (negate) i++;
                bool hit = false;
                for (; i < end; i++)
                {
                    if (i + 2 < end && p[i + 1] == '-') { hit |= s[si] >= p[i] && s[si] <= p[i + 2]; i += 2; }
                    else hit |= s[si] == p[i];
                }
                if (hit == negate) return false;
                pi = end + 1; si++;
                continue;
            }
            if (c != s[si]) return false;
            pi++; si++;
        }
        return si == s.Length;
    }
}
