using System.IO.Compression;
using Swssbox.Image.Hashing;
using Swssbox.Image.Layers;
using Swssbox.Image.Tar;

namespace Swssbox.Image.Oci;

/// <summary>
/// Writes a layer as a gzip blob in one pass: tar bytes are hashed (diff_id) before compression and again after
/// (blob digest). gzip from System.IO.Compression writes no name and mtime 0, so equal tars give equal blobs.
/// </summary>
public static class LayerBlobWriter
{
    /// <summary>Writes <paramref name="layer"/> into <paramref name="blobDir"/> (blobs/sha256) and returns its descriptors.</summary>
    public static BuiltLayer Write(Layer layer, string blobDir, long mtime)
    {
        string temp = Path.Combine(blobDir, ".layer-" + Environment.ProcessId + ".tmp");
        Descriptor blob;
        string diffId;
        long uncompressed;
        int count = 0;
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            var compressed = new DigestingStream(file);
            var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true);
            var raw = new DigestingStream(new BufferedStream(gzip, 1 << 16), leaveOpen: false);
            var tar = new DeterministicTarWriter(raw, mtime);
            foreach (var entry in layer.Entries)
            {
                tar.Write(ImagePath.TarName(entry.Path), entry);
                count++;
            }
            tar.Finish();
            raw.Dispose();
            diffId = raw.FinishDigest();
            uncompressed = raw.BytesWritten;
            blob = new Descriptor(compressed.FinishDigest(), compressed.BytesWritten);
        }
        File.Move(temp, Path.Combine(blobDir, blob.Hex), overwrite: true);
        return new BuiltLayer(layer.Name, blob, diffId, uncompressed, count);
    }
}
