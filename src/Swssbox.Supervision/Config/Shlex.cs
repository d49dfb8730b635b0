using System.Text;

namespace Swssbox.Supervision.Config;

/// <summary>The two Python shlex modes supervisor uses: posix split (command=) and the non-posix lexer of environment=.</summary>
public static class Shlex
{
    /// <summary>shlex.split(s) (posix, no comments); throws <see cref="FormatException"/> "No closing quotation".</summary>
    public static List<string> Split(string s)
    {
        var result = new List<string>();
        var token = new StringBuilder();
        bool inToken = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inToken) { result.Add(token.ToString()); token.Clear(); inToken = false; }
                continue;
            }
            inToken = true;
            if (c == '\\')
            {
                if (i + 1 >= s.Length) throw new FormatException("No escaped character");
                token.Append(s[++i]);
            }
            else if (c == '\'')
            {
                int end = s.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("No closing quotation");
                token.Append(s, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= s.Length) throw new FormatException("No closing quotation");
                    char d = s[i];
                    if (d == '"') break;
                    if (d == '\\' && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '\\'))
                        d = s[++i];
                    token.Append(d);
                    i++;
                }
            }
            else
            {
                token.Append(c);
            }
        }
        if (inToken) result.Add(token.ToString());
        return result;
    }

    private const string WordChars = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():";

    /// <summary>Non-posix shlex tokens with supervisor's extra wordchars ("/.+-():"), '#' comments, quotes kept.</summary>
    public static List<string> NonPosixTokens(string s)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#') { int nl = s.IndexOf('\n', i); i = nl < 0 ? s.Length : nl + 1; continue; }
            if (c is '\'' or '"')
            {
                int end = s.IndexOf(c, i + 1);
                if (end < 0) throw new FormatException("No closing quotation");
                tokens.Add(s[i..(end + 1)]);
                i = end + 1;
                continue;
            }
            if (WordChars.Contains(c))
            {
                int start = i;
                while (i < s.Length && (WordChars.Contains(s[i]) || s[i] is '\'' or '"'))
                    i++;
                tokens.Add(s[start..i]);
                continue;
            }
            tokens.Add(c.ToString());
            i++;
        }
        return tokens;
    }
}
