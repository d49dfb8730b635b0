using System.Globalization;
using Swssbox.Image.Definition;
using Swssbox.Image.Hashing;
using Swssbox.Image.Layers;
using Swssbox.Image.Tar;

namespace Swssbox.Image.Oci;

/// <summary>
/// Writes an image as an OCI layout (&lt;out&gt;/&lt;name&gt;.oci/) and as a docker-archive tarball (&lt;out&gt;/&lt;name&gt;.tar)
/// in the hybrid form `docker save` writes since Docker 25: the OCI layout plus manifest.json pointing into
/// blobs/sha256, which is all Docker 20.10's `docker load` needs. Everything is written under a temporary
/// directory in &lt;out&gt; and renamed into place, so a failed build leaves the previous image or nothing.
/// </summary>
public sealed class ImageWriter(string outputDirectory, long epoch)
{
    /// <summary>Default mtime when SOURCE_DATE_EPOCH is unset: 2024-01-01T00:00:00Z.</summary>
    public const long DefaultEpoch = 1704067200;

    /// <summary>The tool recorded in history.</summary>
    public string CreatedBy { get; init; } = "swssbox mkimage";

    /// <summary>Writes <paramref name="definition"/>'s <paramref name="layers"/>; <paramref name="repoTag"/> overrides name:tag.</summary>
    public BuiltImage Write(ImageDefinition definition, IReadOnlyList<Layer> layers, string? repoTag = null)
    {
        string reference = repoTag ?? $"{definition.Name}:{definition.Tag}";
        int colon = reference.LastIndexOf(':');
        string repository = colon > reference.LastIndexOf('/') ? reference[..colon] : reference;
        string tag = colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : "latest";
        string fileName = repository.Replace('/', '_');
        Directory.CreateDirectory(outputDirectory);
        string temp = Path.Combine(outputDirectory, $".{fileName}.tmp-{Environment.ProcessId}");
        RemoveStaleTemporaries(fileName);
        try
        {
            string layout = Path.Combine(temp, fileName + ".oci");
            string blobs = Path.Combine(layout, "blobs", "sha256");
            Directory.CreateDirectory(blobs);
            var built = layers.Select(l => LayerBlobWriter.Write(l, blobs, epoch)).ToList();
            string created = DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var config = Blob(blobs, ImageJson.Config(definition, built, created, $"{CreatedBy} {Path.GetFileName(definition.File)}"));
            var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["org.opencontainers.image.created"] = created,
                ["org.opencontainers.image.ref.name"] = tag,
                ["org.opencontainers.image.title"] = repository,
                ["org.opencontainers.image.version"] = tag,
            };
            foreach (var (k, v) in definition.Annotations)
                annotations[k] = v;
            var manifest = Blob(blobs, ImageJson.Manifest(config, built, annotations));
            File.WriteAllBytes(Path.Combine(layout, "index.json"), ImageJson.Index(manifest, FullName(repository, tag), tag));
            File.WriteAllBytes(Path.Combine(layout, "oci-layout"), ImageJson.Layout());
            File.WriteAllBytes(Path.Combine(layout, "manifest.json"), ImageJson.DockerManifest(config, built, $"{repository}:{tag}"));
            string archive = Path.Combine(temp, fileName + ".tar");
            WriteArchive(layout, archive);

            string finalLayout = Path.Combine(outputDirectory, fileName + ".oci");
            string finalArchive = Path.Combine(outputDirectory, fileName + ".tar");
            File.Move(archive, finalArchive, overwrite: true);
            if (Directory.Exists(finalLayout))
                Directory.Move(finalLayout, Path.Combine(temp, "previous.oci"));
            Directory.Move(layout, finalLayout);
            return new BuiltImage($"{repository}:{tag}", manifest, config, built, finalLayout, finalArchive);
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, true);
        }
    }

    /// <summary>A build killed mid-write leaves its hidden temporary directory; remove those whose process is gone.</summary>
    private void RemoveStaleTemporaries(string fileName)
    {
        foreach (string dir in Directory.GetDirectories(outputDirectory, $".{fileName}.tmp-*"))
        {
            string pid = dir[(dir.LastIndexOf("-", StringComparison.Ordinal) + 1)..];
            if (pid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture) || !Directory.Exists("/proc/" + pid))
                Directory.Delete(dir, true);
        }
    }

    /// <summary>containerd's fully qualified name: docker.io/library/name:tag for a bare name.</summary>
    private static string FullName(string repository, string tag)
    {
        string first = repository.Split('/')[0];
        bool hasDomain = repository.Contains('/') && (first.Contains('.') || first.Contains(':') || first == "localhost");
        string full = hasDomain ? repository : repository.Contains('/') ? "docker.io/" + repository : "docker.io/library/" + repository;
        return full + ":" + tag;
    }

    private static Descriptor Blob(string blobs, byte[] content)
    {
        var d = new Descriptor("sha256:" + Sha256.HexOf(content), content.Length);
        File.WriteAllBytes(Path.Combine(blobs, d.Hex), content);
        return d;
    }

    /// <summary>The layout as one tar, entries sorted, with the same fixed metadata as the layers.</summary>
    private void WriteArchive(string layout, string archive)
    {
        using var file = new FileStream(archive, FileMode.CreateNew, FileAccess.Write);
        using var buffered = new BufferedStream(file, 1 << 16);
        var tar = new DeterministicTarWriter(buffered, epoch);
        var paths = Directory.EnumerateFileSystemEntries(layout, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(layout, p)).Order(StringComparer.Ordinal);
        foreach (string relative in paths)
        {
            string full = Path.Combine(layout, relative);
            bool isDir = Directory.Exists(full);
            tar.Write(relative, new LayerEntry("/" + relative, isDir ? EntryKind.Directory : EntryKind.File, isDir ? 0b111_101_101 : 0b110_100_100, full)
            {
                SourceFile = isDir ? null : full,
            });
        }
        tar.Finish();
    }
}
