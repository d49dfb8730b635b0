namespace Swssbox.Image.Layers;

/// <summary>What a layer entry is.</summary>
public enum EntryKind
{
    /// <summary>A regular file (content from a host file or from bytes).</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A symbolic link.</summary>
    Symlink,
}

/// <summary>
/// One path in a layer. <see cref="Path"/> is absolute in the image ("/usr/bin/swssbox"); content comes from
/// <see cref="SourceFile"/> (read when the layer is written) or <see cref="Content"/>. <see cref="Origin"/> names
/// where the entry came from (definition file, host path) for error messages.
/// </summary>
public sealed record LayerEntry(string Path, EntryKind Kind, int Mode, string Origin)
{
    /// <summary>Host file whose bytes become the entry's content.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Literal content (used when <see cref="SourceFile"/> is null).</summary>
    public byte[]? Content { get; init; }

    /// <summary>A symlink's target, exactly as stored.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>Size of the content in bytes.</summary>
    public long Size => Kind != EntryKind.File ? 0 : SourceFile is not null ? new FileInfo(SourceFile).Length : Content?.Length ?? 0;
}
