using System.Buffers.Binary;
using System.Text;

namespace Swssbox.Image.Elf;

/// <summary>
/// The parts of an ELF64 little-endian file the loader uses to find libraries: PT_INTERP, DT_NEEDED, DT_RPATH,
/// DT_RUNPATH (elf(5); glibc elf/dl-load.c). Only what an image needs, read from the program headers so that
/// stripped files work too.
/// </summary>
public sealed record ElfFile(string Path, ushort Machine, string? Interpreter, IReadOnlyList<string> Needed, IReadOnlyList<string> RunPath, IReadOnlyList<string> RPath)
{
    private const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3;
    private const long DtNull = 0, DtNeeded = 1, DtStrtab = 5, DtRpath = 15, DtRunpath = 29;

    /// <summary>True when <paramref name="path"/> starts with the ELF magic.</summary>
    public static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.Read(magic) == 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F';
    }

    /// <summary>Reads <paramref name="path"/> (following symlinks).</summary>
    public static ElfFile Read(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        var d = data.AsSpan();
        if (d.Length < 64 || d[0] != 0x7f || d[1] != (byte)'E' || d[2] != (byte)'L' || d[3] != (byte)'F')
            throw Errors.NotElf(path, "no ELF magic");
        if (d[4] != 2 || d[5] != 1)
            throw Errors.NotElf(path, "only 64-bit little-endian ELF is supported");
        ushort machine = U16(d, 18);
        long phoff = (long)U64(d, 32);
        int phentsize = U16(d, 54), phnum = U16(d, 56);
        var loads = new List<(ulong Vaddr, ulong Offset, ulong Filesz)>();
        string? interp = null;
        (long Offset, long Size)? dynamic = null;
        for (int i = 0; i < phnum; i++)
        {
            int p = checked((int)(phoff + (long)i * phentsize));
            if (p + 56 > d.Length)
                throw Errors.NotElf(path, "program headers past the end of the file");
            uint type = U32(d, p);
            ulong offset = U64(d, p + 8), vaddr = U64(d, p + 16), filesz = U64(d, p + 32);
            if (type == PtLoad) loads.Add((vaddr, offset, filesz));
            else if (type == PtInterp) interp = CString(d, (int)offset);
            else if (type == PtDynamic) dynamic = ((long)offset, (long)filesz);
        }
        var needed = new List<string>();
        var runpath = new List<string>();
        var rpath = new List<string>();
        if (dynamic is { } dyn)
        {
            var entries = new List<(long Tag, ulong Value)>();
            for (long o = dyn.Offset; o + 16 <= dyn.Offset + dyn.Size; o += 16)
            {
                long tag = (long)U64(d, (int)o);
                if (tag == DtNull) break;
                entries.Add((tag, U64(d, (int)o + 8)));
            }
            ulong strtabAddr = entries.FirstOrDefault(e => e.Tag == DtStrtab).Value;
            // DT_STRTAB is a virtual address: map it to a file offset through the PT_LOAD that holds it.
            var load = loads.FirstOrDefault(l => strtabAddr >= l.Vaddr && strtabAddr < l.Vaddr + l.Filesz);
            if (load == default)
                throw Errors.NotElf(path, "DT_STRTAB is outside every PT_LOAD segment");
            long strtab = (long)(strtabAddr - load.Vaddr + load.Offset);
            foreach (var (tag, value) in entries)
            {
                if (tag == DtNeeded) needed.Add(CString(d, (int)(strtab + (long)value)));
                else if (tag == DtRunpath) runpath.AddRange(CString(d, (int)(strtab + (long)value)).Split(':', StringSplitOptions.RemoveEmptyEntries));
                else if (tag == DtRpath) rpath.AddRange(CString(d, (int)(strtab + (long)value)).Split(':', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return new ElfFile(path, machine, interp, needed, runpath, rpath);
    }

    private static ushort U16(ReadOnlySpan<byte> d, int o) => BinaryPrimitives.ReadUInt16LittleEndian(d[o..]);
    private static uint U32(ReadOnlySpan<byte> d, int o) => BinaryPrimitives.ReadUInt32LittleEndian(d[o..]);
    private static ulong U64(ReadOnlySpan<byte> d, int o) => BinaryPrimitives.ReadUInt64LittleEndian(d[o..]);

    private static string CString(ReadOnlySpan<byte> d, int o)
    {
        int end = d[o..].IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? d[o..] : d.Slice(o, end));
    }
}
