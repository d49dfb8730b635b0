using System.Globalization;

namespace Swssbox.Supervision.Config;

/// <summary>autorestart=: false, unexpected or true.</summary>
public enum AutoRestart { Never, Unexpected, Always }

/// <summary>supervisor's value types (datatypes.py); each throws <see cref="FormatException"/> with supervisor's text.</summary>
public static class Values
{
    /// <summary>true/yes/on/1 or false/no/off/0.</summary>
    public static bool Boolean(string v) => v.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new FormatException($"not a valid boolean value: {Expansion.PyRepr(v)}"),
    };

    /// <summary>Python int().</summary>
    public static int Integer(string v)
    {
        if (int.TryParse(v.Trim().Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            return n;
        throw new FormatException($"invalid literal for int() with base 10: {Expansion.PyRepr(v)}");
    }

    /// <summary>An integer with an optional KB/MB/GB suffix (×1024).</summary>
    public static long ByteSize(string v)
    {
        string s = v.Trim().ToUpperInvariant();
        long mult = 1;
        foreach (var (suffix, m) in new[] { ("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024) })
            if (s.EndsWith(suffix)) { mult = m; s = s[..^2]; break; }
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            return n * mult;
        throw new FormatException($"value {Expansion.PyRepr(v)} is not a valid byte size");
    }

    /// <summary>Comma-separated exit codes 0–255.</summary>
    public static IReadOnlySet<int> ExitCodes(string v)
    {
        var set = new HashSet<int>();
        foreach (var part in v.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) || n < 0 || n > 255)
                throw new FormatException($"not a valid list of exit codes: {Expansion.PyRepr(v)}");
            set.Add(n);
        }
        return set;
    }

    /// <summary>An octal number (umask=).</summary>
    public static int Octal(string v)
    {
        try { return Convert.ToInt32(v.Trim(), 8); }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        { throw new FormatException($"{v} can not be converted to an octal type"); }
    }

    /// <summary>autorestart=.</summary>
    public static AutoRestart AutoRestartValue(string v) => v.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => AutoRestart.Always,
        "false" or "no" or "off" or "0" => AutoRestart.Never,
        "unexpected" => AutoRestart.Unexpected,
        _ => throw new FormatException($"invalid 'autorestart' value {Expansion.PyRepr(v.ToLowerInvariant())}"),
    };

    /// <summary>A process or group name: no space, ':' or '/'.</summary>
    public static string Name(string v)
    {
        string s = v.Trim();
        foreach (char c in " :/")
            if (s.Contains(c))
                throw new FormatException($"Invalid name: {Expansion.PyRepr(v)} because of character: {Expansion.PyRepr(c.ToString())}");
        return s;
    }

    /// <summary>KEY=val,KEY2="v,2" as supervisor's dict_of_key_value_pairs reads it.</summary>
    public static Dictionary<string, string> KeyValuePairs(string v)
    {
        var tokens = Shlex.NonPosixTokens(v);
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i += 4)
        {
            if (i + 2 >= tokens.Count || tokens[i + 1] != "=")
                throw new FormatException($"Unexpected end of key/value pairs in value '{v}'");
            d[tokens[i]] = tokens[i + 2].Trim('\'', '"');
        }
        return d;
    }
}
