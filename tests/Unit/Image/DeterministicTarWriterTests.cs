using System.Formats.Tar;
using Swssbox.Image.Layers;
using Swssbox.Image.Tar;

namespace Swssbox.Tests.Unit.Image;

/// <summary>Our tar bytes, read back by System.Formats.Tar: types, modes, owners, times, long names via PAX.</summary>
public sealed class DeterministicTarWriterTests
{
    private static readonly string LongDir = string.Join('/', Enumerable.Repeat("directory-name-that-is-long", 8));

    private static byte[] Write(long mtime = 1704067200)
    {
        using var buffer = new MemoryStream();
        var tar = new DeterministicTarWriter(buffer, mtime);
        tar.Write("tmp", new LayerEntry("/tmp", EntryKind.Directory, 0b1_111_111_111, "t"));
        tar.Write("usr/bin/tool", new LayerEntry("/usr/bin/tool", EntryKind.File, 0b111_101_101, "t") { Content = "#!x\n"u8.ToArray() });
        tar.Write("usr/bin/link", new LayerEntry("/usr/bin/link", EntryKind.Symlink, 0b111_111_111, "t") { LinkTarget = "tool" });
        tar.Write(LongDir + "/file", new LayerEntry("/" + LongDir + "/file", EntryKind.File, 0b110_100_100, "t") { Content = new byte[1000] });
        tar.Write("long-link", new LayerEntry("/long-link", EntryKind.Symlink, 0b111_111_111, "t") { LinkTarget = "/" + LongDir + "/file" });
        tar.Finish();
        return buffer.ToArray();
    }

    [Fact]
    public void Entries_read_back_with_fixed_owner_time_and_exact_modes()
    {
        var entries = new List<TarEntry>();
        using (var reader = new TarReader(new MemoryStream(Write())))
            while (reader.GetNextEntry(copyData: true) is { } e)
                entries.Add(e);
        Assert.Equal(["tmp/", "usr/bin/tool", "usr/bin/link", LongDir + "/file", "long-link"], entries.Select(e => e.Name));
        Assert.All(entries, e =>
        {
            Assert.Equal(0, e.Uid);
            Assert.Equal(0, e.Gid);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1704067200), e.ModificationTime);
        });
        Assert.Equal(TarEntryType.Directory, entries[0].EntryType);
        Assert.Equal((UnixFileMode)0b1_111_111_111, entries[0].Mode);
        Assert.Equal(TarEntryType.RegularFile, entries[1].EntryType);
        Assert.Equal((UnixFileMode)0b111_101_101, entries[1].Mode);
        Assert.Equal("#!x\n", new StreamReader(entries[1].DataStream!).ReadToEnd());
        Assert.Equal(TarEntryType.SymbolicLink, entries[2].EntryType);
        Assert.Equal("tool", entries[2].LinkName);
        Assert.Equal(1000, entries[3].Length);
        Assert.Equal("/" + LongDir + "/file", entries[4].LinkName);
    }

    [Fact]
    public void Same_input_gives_same_bytes_and_the_time_is_the_only_variable()
    {
        Assert.Equal(Write(), Write());
        Assert.NotEqual(Write(), Write(1));
        Assert.Equal(0, Write().Length % 512);
    }
}
