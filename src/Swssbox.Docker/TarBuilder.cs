using System.Text;

namespace Swssbox.Docker;

/// <summary>
/// A minimal ustar writer for archive PUTs: regular files at the top level, uid/gid 0. Enough for docker cp of a
/// few files; System.Formats.Tar would do more than we need at a larger size.
/// </summary>
public sealed class TarBuilder
{
    private readonly MemoryStream _tar = new();

    /// <summary>Adds a regular file <paramref name="name"/> (ASCII, under 100 bytes) with <paramref name="mode"/>.</summary>
    public TarBuilder AddFile(string name, ReadOnlySpan<byte> content, int mode = 0b110_100_100, DateTimeOffset? modified = null)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.Length is 0 or > 99)
            throw new ArgumentException($"tar entry name '{name}' must be 1..99 bytes", nameof(name));
        byte[] header = new byte[512];
        nameBytes.CopyTo(header, 0);
        Octal(header, 100, 8, mode);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, content.Length);
        Octal(header, 136, 12, (modified ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
        header[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        // The checksum is computed with its own field as spaces, then written as 6 octal digits, NUL, space.
        for (int i = 148; i < 156; i++)
            header[i] = (byte)' ';
        long sum = 0;
        foreach (byte b in header)
            sum += b;
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        _tar.Write(header);
        _tar.Write(content);
        int pad = (512 - content.Length % 512) % 512;
        _tar.Write(new byte[pad]);
        Count++;
        return this;
    }

    /// <summary>Number of entries added.</summary>
    public int Count { get; private set; }

    /// <summary>The archive with its two zero end blocks.</summary>
    public byte[] ToArray()
    {
        var copy = new MemoryStream();
        _tar.Position = 0;
        _tar.CopyTo(copy);
        copy.Write(new byte[1024]);
        return copy.ToArray();
    }

    private static void Octal(byte[] header, int offset, int width, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0') + "\0").CopyTo(header, offset);
}
