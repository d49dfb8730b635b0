namespace Swssbox.Image.Oci;

/// <summary>A written blob: digest ("sha256:…") and size in bytes.</summary>
public sealed record Descriptor(string Digest, long Size)
{
    /// <summary>The digest's hex part (the blob's file name).</summary>
    public string Hex => Digest["sha256:".Length..];
}

/// <summary>A written layer: its compressed blob, its diff_id (sha256 of the uncompressed tar) and that tar's size.</summary>
public sealed record BuiltLayer(string Name, Descriptor Blob, string DiffId, long UncompressedSize, int Entries);

/// <summary>What was written: reference, manifest and config (the config digest is Docker's image ID), layers, files.</summary>
public sealed record BuiltImage(string Reference, Descriptor Manifest, Descriptor Config, IReadOnlyList<BuiltLayer> Layers, string LayoutDirectory, string Archive)
{
    /// <summary>Sum of the uncompressed layer tars.</summary>
    public long UncompressedSize => Layers.Sum(l => l.UncompressedSize);

    /// <summary>Sum of the compressed layer blobs.</summary>
    public long CompressedSize => Layers.Sum(l => l.Blob.Size);
}
