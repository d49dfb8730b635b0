using System.Globalization;
using System.Numerics;
using System.Text;

namespace Swssbox.Cfggen.Net;

/// <summary>
/// netaddr 0.8.0's IPNetwork as SONiC's filters use it: the same permissive parsing (partial IPv4 such as "10"
/// or "10/8", netmask and hostmask prefixes, Python int() rules for the prefix), and the same text forms
/// (glibc inet_ntop for IPv6; broadcast None for IPv4 /31 and /32).
/// </summary>
public sealed class IpNetwork
{
    private IpNetwork(int version, BigInteger value, int prefixLength)
    {
        Version = version;
        Value = value;
        PrefixLength = prefixLength;
    }

    /// <summary>4 or 6.</summary>
    public int Version { get; }

    /// <summary>The address as an integer (host bits kept).</summary>
    public BigInteger Value { get; }

    /// <summary>The prefix length.</summary>
    public int PrefixLength { get; }

    private int Width => Version == 4 ? 32 : 128;
    private BigInteger Max => (BigInteger.One << Width) - 1;
    private BigInteger NetmaskInt => Max ^ HostmaskInt;
    private BigInteger HostmaskInt => (BigInteger.One << (Width - PrefixLength)) - 1;

    /// <summary>netaddr.IPNetwork(text): IPv4 rules first, then IPv6; null where netaddr raises AddrFormatError.</summary>
    public static IpNetwork? Parse(string text)
    {
        return TryParse(text, 4) ?? TryParse(text, 6);
    }

    private static IpNetwork? TryParse(string addr, int version)
    {
        int width = version == 4 ? 32 : 128;
        string val1 = addr;
        string? val2 = null;
        int slash = addr.IndexOf('/');
        if (slash >= 0)
        {
            val1 = addr[..slash];
            val2 = addr[(slash + 1)..];
        }
        BigInteger? value = version == 4 ? ParseV4(val1) ?? (ExpandPartialV4(val1) is { } expanded ? ParseV4(expanded) : null) : ParseV6(val1);
        if (value is null)
            return null;
        int prefix;
        if (val2 is null)
        {
            prefix = width;
        }
        else if (PythonInt(val2) is { } p)
        {
            if (p < 0 || p > width)
                return null;
            prefix = (int)p;
        }
        else
        {
            BigInteger? mask = version == 4 ? ParseV4(val2) : ParseV6(val2);
            if (mask is null)
                return null;
            BigInteger max = (BigInteger.One << width) - 1;
            BigInteger inv = (mask.Value ^ max) + 1;
            BigInteger host = mask.Value + 1;
            if ((inv & (inv - 1)) == 0)
                prefix = width - Bits(inv - 1);
            else if ((host & (host - 1)) == 0)
                prefix = width - Bits(mask.Value);
            else
                return null;
        }
        return new IpNetwork(version, value.Value, prefix);
    }

    private static int Bits(BigInteger ones)
    {
        int n = 0;
        while (ones > 0)
        {
            n += (int)(ones & 1);
            ones >>= 1;
        }
        return n;
    }

    /// <summary>Python int(str): surrounding whitespace, a sign, underscores between digits.</summary>
    private static long? PythonInt(string s)
    {
        string t = s.Trim(' ', '\t', '\n', '\r', '\v', '\f');
        bool negative = false;
        if (t.Length > 0 && t[0] is '+' or '-')
        {
            negative = t[0] == '-';
            t = t[1..];
        }
        if (t.Length == 0 || t.Length > 18 || t.StartsWith('_') || t.EndsWith('_') || t.Contains("__"))
            return null;
        long v = 0;
        foreach (char c in t)
        {
            if (c == '_')
                continue;
            if (!char.IsAsciiDigit(c))
                return null;
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /// <summary>netaddr's expand_partial_address: "10" → "10.0.0.0", "1.2.3" → "1.2.3.0" (octets through int()).</summary>
    private static string? ExpandPartialV4(string addr)
    {
        if (addr.Contains(':'))
            return null;
        var tokens = new List<string>();
        foreach (var part in addr.Split('.'))
        {
            if (PythonInt(part) is not { } v)
                return null;
            tokens.Add(v.ToString(CultureInfo.InvariantCulture));
        }
        if (tokens.Count is < 1 or > 4)
            return null;
        while (tokens.Count < 4)
            tokens.Add("0");
        return string.Join('.', tokens);
    }

    /// <summary>glibc inet_pton(AF_INET): exactly four decimal octets, no leading zeros, each at most 255.</summary>
    private static BigInteger? ParseV4(string s)
    {
        var parts = s.Split('.');
        if (parts.Length != 4)
            return null;
        uint value = 0;
        foreach (var p in parts)
        {
            if (p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0'))
                return null;
            int octet = int.Parse(p, CultureInfo.InvariantCulture);
            if (octet > 255)
                return null;
            value = (value << 8) | (uint)octet;
        }
        return value;
    }

    /// <summary>glibc inet_pton(AF_INET6): hex groups, one "::", an optional trailing dotted IPv4.</summary>
    private static BigInteger? ParseV6(string s)
    {
        if (s.Length == 0)
            return null;
        var words = new List<int>();
        int gap = -1;
        int i = 0;
        if (s.StartsWith("::", StringComparison.Ordinal))
        {
            gap = 0;
            i = 2;
            if (s.Length == 2)
                return BigInteger.Zero;
        }
        else if (s[0] == ':')
        {
            return null;
        }
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && Uri.IsHexDigit(s[i]))
                i++;
            if (i < s.Length && s[i] == '.')
            {
                // Embedded IPv4 in the last 32 bits.
                if (ParseV4(s[start..]) is not { } v4 || words.Count > 6)
                    return null;
                words.Add((int)(v4 >> 16));
                words.Add((int)(v4 & 0xffff));
                i = s.Length;
                break;
            }
            int len = i - start;
            if (len is 0 or > 4)
                return null;
            words.Add(int.Parse(s.AsSpan(start, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            if (i == s.Length)
                break;
            if (s[i] != ':')
                return null;
            i++;
            if (i < s.Length && s[i] == ':')
            {
                if (gap >= 0)
                    return null;
                gap = words.Count;
                i++;
                if (i == s.Length)
                    break;
            }
            else if (i == s.Length)
            {
                return null;
            }
        }
        if (gap < 0 && words.Count != 8)
            return null;
        if (gap >= 0 && words.Count > 7)
            return null;
        if (gap >= 0)
        {
            int missing = 8 - words.Count;
            words.InsertRange(gap, Enumerable.Repeat(0, missing));
        }
        BigInteger value = 0;
        foreach (var w in words)
            value = (value << 16) | w;
        return value;
    }

    /// <summary>str(IPAddress(value)) for this network's version.</summary>
    public string Format(BigInteger value) => Version == 4 ? FormatV4(value) : FormatV6(value);

    private static string FormatV4(BigInteger value)
    {
        uint v = (uint)value;
        return $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
    }

    /// <summary>glibc inet_ntop(AF_INET6): the longest run (≥2) of zero words as "::", IPv4-mapped/compatible tails dotted.</summary>
    public static string FormatV6(BigInteger value)
    {
        var words = new int[8];
        for (int k = 7; k >= 0; k--)
        {
            words[k] = (int)(value & 0xffff);
            value >>= 16;
        }
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (int k = 0; k < 8; k++)
        {
            if (words[k] == 0)
            {
                if (curBase < 0)
                {
                    curBase = k;
                    curLen = 1;
                }
                else
                {
                    curLen++;
                }
            }
            else if (curBase >= 0)
            {
                if (bestBase < 0 || curLen > bestLen)
                {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen))
        {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase >= 0 && bestLen < 2)
            bestBase = -1;
        var sb = new StringBuilder();
        for (int k = 0; k < 8; k++)
        {
            if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen)
            {
                if (k == bestBase)
                    sb.Append(':');
                continue;
            }
            if (k != 0)
                sb.Append(':');
            if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 7 && words[7] != 0x0001) || (bestLen == 5 && words[5] == 0xffff)))
            {
                sb.Append($"{words[6] >> 8}.{words[6] & 255}.{words[7] >> 8}.{words[7] & 255}");
                return sb.ToString();
            }
            sb.Append(words[k].ToString("x", CultureInfo.InvariantCulture));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8)
            sb.Append(':');
        return sb.ToString();
    }

    /// <summary>The attribute SONiC's prefix_attr reads, as str(); null where netaddr gives None.</summary>
    public string? Attribute(string name) => name switch
    {
        "ip" => Format(Value),
        "network" => Format(Value & NetmaskInt),
        "prefixlen" => PrefixLength.ToString(CultureInfo.InvariantCulture),
        "netmask" => Format(NetmaskInt),
        "broadcast" => Version == 4 && Width - PrefixLength <= 1 ? null : Format(Value | HostmaskInt),
        "hostmask" => Format(HostmaskInt),
        _ => null,
    };
}
