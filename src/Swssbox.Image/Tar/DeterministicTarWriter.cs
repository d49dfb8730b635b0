using System.Text;
using Swssbox.Image.Layers;

namespace Swssbox.Image.Tar;

/// <summary>
/// Writes POSIX ustar entries with everything that varies between machines fixed: uid/gid 0, empty user and group
/// names, one mtime for all entries, no atime/ctime. Names that do not fit ustar's 100+155 bytes (or link targets
/// past 100) get a PAX 'x' header carrying only path/linkpath, so the bytes depend on the input alone.
/// Our own writer rather than System.Formats.Tar so that every header byte is ours to pin down.
/// </summary>
public sealed class DeterministicTarWriter(Stream output, long mtime)
{
    private const int Block = 512;
    private static readonly byte[] Zeros = new byte[Block];
    private readonly byte[] _copyBuffer = new byte[81920];

    /// <summary>Writes one entry; its name in the archive is <paramref name="name"/> (relative, '/'-separated).</summary>
    public void Write(string name, LayerEntry entry)
    {
        byte type = entry.Kind switch { EntryKind.File => (byte)'0', EntryKind.Directory => (byte)'5', _ => (byte)'2' };
        if (entry.Kind == EntryKind.Directory && !name.EndsWith('/'))
            name += "/";
        long size = entry.Size;
        string link = entry.LinkTarget ?? "";
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] linkBytes = Encoding.UTF8.GetBytes(link);
        bool fits = SplitUstarName(nameBytes, out int split);
        if (!fits || linkBytes.Length > 100)
        {
            var pax = new StringBuilder();
            if (!fits) AppendPaxRecord(pax, "path", name);
            if (linkBytes.Length > 100) AppendPaxRecord(pax, "linkpath", link);
            byte[] paxBytes = Encoding.UTF8.GetBytes(pax.ToString());
            string paxName = "PaxHeaders/" + TruncateUtf8(Path.GetFileName(name.TrimEnd('/')), 80);
            WriteHeader(Encoding.UTF8.GetBytes(paxName), -1, [], (byte)'x', 0b110_100_100, paxBytes.Length);
            output.Write(paxBytes);
            Pad(paxBytes.Length);
            // The ustar fields keep a truncated copy, as GNU tar does; readers use the PAX values.
            nameBytes = Encoding.UTF8.GetBytes(TruncateUtf8(name, 100));
            split = -1;
            linkBytes = Encoding.UTF8.GetBytes(TruncateUtf8(link, 100));
        }
        WriteHeader(nameBytes, split, linkBytes, type, entry.Mode, size);
        if (entry.Kind != EntryKind.File)
            return;
        if (entry.SourceFile is { } source)
        {
            using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long copied = 0;
            int n;
            while ((n = input.Read(_copyBuffer)) > 0)
            {
                output.Write(_copyBuffer, 0, n);
                copied += n;
            }
            if (copied != size)
                throw new IOException($"{source}: changed size while being archived ({size} -> {copied} bytes)");
        }
        else
        {
            output.Write(entry.Content ?? []);
        }
        Pad(size);
    }

    /// <summary>Writes the two zero blocks that end an archive.</summary>
    public void Finish()
    {
        output.Write(Zeros);
        output.Write(Zeros);
    }

    private void WriteHeader(byte[] name, int split, byte[] link, byte type, int mode, long size)
    {
        var h = new byte[Block];
        if (split >= 0)
        {
            name.AsSpan(split + 1).CopyTo(h.AsSpan(0, 100));
            name.AsSpan(0, split).CopyTo(h.AsSpan(345, 155));
        }
        else
        {
            name.AsSpan(0, Math.Min(100, name.Length)).CopyTo(h);
        }
        Octal(h.AsSpan(100, 8), mode & 0xFFF);
        Octal(h.AsSpan(108, 8), 0);
        Octal(h.AsSpan(116, 8), 0);
        Octal(h.AsSpan(124, 12), size);
        Octal(h.AsSpan(136, 12), mtime);
        h[156] = type;
        link.AsSpan(0, Math.Min(100, link.Length)).CopyTo(h.AsSpan(157, 100));
        "ustar\0"u8.CopyTo(h.AsSpan(257));
        "00"u8.CopyTo(h.AsSpan(263));
        Octal(h.AsSpan(329, 8), 0);
        Octal(h.AsSpan(337, 8), 0);
        // The checksum is computed with its own field as spaces, then stored as 6 octal digits, NUL, space.
        h.AsSpan(148, 8).Fill((byte)' ');
        int sum = 0;
        foreach (byte b in h)
            sum += b;
        Octal(h.AsSpan(148, 7), sum);
        h[155] = (byte)' ';
        output.Write(h);
    }

    /// <summary>Zero-padded octal digits with a terminating NUL filling <paramref name="field"/>.</summary>
    private static void Octal(Span<byte> field, long value)
    {
        string digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        if (digits.Length > field.Length - 1)
            throw new IOException($"value {value} does not fit a {field.Length}-byte tar field");
        Encoding.ASCII.GetBytes(digits, field);
        field[^1] = 0;
    }

    /// <summary>ustar: the name fits in 100 bytes, or splits at a '/' into prefix (≤155) and name (≤100).</summary>
    private static bool SplitUstarName(byte[] name, out int split)
    {
        split = -1;
        if (name.Length <= 100)
            return true;
        for (int i = Math.Min(name.Length - 1, 155); i > 0; i--)
        {
            if (name[i] == (byte)'/' && name.Length - i - 1 <= 100 && name.Length - i - 1 > 0)
            {
                split = i;
                return true;
            }
        }
        return false;
    }

    /// <summary>A PAX record "LEN key=value\n", where LEN counts the whole record including its own digits.</summary>
    private static void AppendPaxRecord(StringBuilder pax, string key, string value)
    {
        int body = Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) + 3;
        int length = body + body.ToString().Length;
        if (length.ToString().Length != body.ToString().Length)
            length++;
        pax.Append(length).Append(' ').Append(key).Append('=').Append(value).Append('\n');
    }

    private static string TruncateUtf8(string s, int maxBytes)
    {
        while (Encoding.UTF8.GetByteCount(s) > maxBytes)
            s = s[..^1];
        return s;
    }

    private void Pad(long size)
    {
        int rest = (int)(size % Block);
        if (rest != 0)
            output.Write(Zeros, 0, Block - rest);
    }
}
