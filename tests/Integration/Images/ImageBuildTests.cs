using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Images;

/// <summary>mkimage from the published binary: reproducibility, digests, the OCI layout as other tools read it, bad input.</summary>
public sealed class ImageBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-mkimage-").FullName;

    [Theory]
    [InlineData("docker-orchagent-bfn")]
    [InlineData("docker-database")]
    public void Two_builds_from_the_same_inputs_are_byte_identical(string definition)
    {
        var (runA, a) = ImageFixture.MkImage(definition, "swssbox-repro:t", Path.Combine(_dir, "a"));
        var (runB, b) = ImageFixture.MkImage(definition, "swssbox-repro:t", Path.Combine(_dir, "b"));
        Assert.True(a is not null && b is not null, runA.Stderr + runB.Stderr);
        Assert.Equal(a!.ManifestDigest, b!.ManifestDigest);
        Assert.Equal(a.ImageId, b.ImageId);
        Assert.Equal(Sha256Sum(a.Archive), Sha256Sum(b.Archive));

        // The build time is an input: another SOURCE_DATE_EPOCH gives another image.
        var (_, c) = ImageFixture.MkImage(definition, "swssbox-repro:t", Path.Combine(_dir, "c"), new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1" });
        Assert.NotEqual(a.ManifestDigest, c!.ManifestDigest);
    }

    [Fact]
    public void Every_blob_is_named_by_its_sha256sum_and_the_layout_is_complete()
    {
        var (run, image) = ImageFixture.MkImage("docker-orchagent-bfn", "swssbox-blobs:t", _dir);
        Assert.True(image is not null, run.Stderr);
        var blobs = Directory.GetFiles(Path.Combine(image!.Layout, "blobs", "sha256"));
        Assert.Equal(2 + 3, blobs.Length); // config, manifest, three layers
        foreach (string blob in blobs)
            Assert.Equal(Path.GetFileName(blob), Sha256Sum(blob));
        Assert.Equal("{\"imageLayoutVersion\":\"1.0.0\"}", File.ReadAllText(Path.Combine(image.Layout, "oci-layout")));
        // diff_ids are the sha256 of each layer after gunzip, in order.
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(image.Layout, "blobs/sha256", image.ImageId[7..])));
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(image.Layout, "manifest.json")));
        var diffIds = config.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(e => e.GetString()).ToList();
        var layers = manifest.RootElement[0].GetProperty("Layers").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, diffIds.Count);
        for (int i = 0; i < layers.Count; i++)
            Assert.Equal(diffIds[i], "sha256:" + Run.Process("bash", ["-c", $"gzip -dc '{Path.Combine(image.Layout, layers[i])}' | sha256sum"]).Stdout[..64]);
        var tar = Run.Process("tar", ["-tf", image.Archive]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("manifest.json", tar);
        Assert.Contains("index.json", tar);
        Assert.Equal(tar.Order(StringComparer.Ordinal), tar);
        Assert.Equal(["swssbox-blobs.oci", "swssbox-blobs.tar"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Skopeo_and_umoci_read_the_oci_layout()
    {
        var (run, image) = ImageFixture.MkImage("docker-database", "swssbox-skopeo:t", _dir);
        Assert.True(image is not null, run.Stderr);
        var skopeo = Run.Process("skopeo", ["inspect", $"oci:{image!.Layout}:t"]);
        Assert.True(skopeo.ExitCode == 0, skopeo.Stderr);
        Assert.Contains($"\"Digest\": \"{image.ManifestDigest}\"", skopeo.Stdout);
        var umoci = Run.Process("umoci", ["stat", "--image", $"{image.Layout}:t"]);
        Assert.True(umoci.ExitCode == 0, umoci.Stderr);
        Assert.Contains("layer redis", umoci.Stdout);
        // containers/image reads the archive through manifest.json, as Docker before 25 does.
        var archive = Run.Process("skopeo", ["inspect", "--config", $"docker-archive:{image.Archive}"]);
        Assert.True(archive.ExitCode == 0, archive.Stderr);
        Assert.Contains("\"diff_ids\"", archive.Stdout);
        Assert.Contains("/usr/bin/supervisord", archive.Stdout);
    }

    [Fact]
    public void A_definition_naming_a_missing_file_fails_with_the_path_and_keeps_the_previous_image()
    {
        string root = Tree(("rootfs/t/etc/a.conf", "a"));
        string good = Definition(root, "{ \"tree\": \"rootfs/t\" }");
        string output = Path.Combine(root, "out/images");
        var first = Run.Swssbox(["mkimage", "-C", root, good]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        string before = Sha256Sum(Path.Combine(output, "swssbox-bad.tar"));

        string bad = Definition(root, "{ \"tree\": \"rootfs/t\" },\n{ \"file\": \"rootfs/t/etc/missing.conf\", \"to\": \"/etc/m\" }");
        var run = Run.Swssbox(["mkimage", "-C", root, bad]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"mkimage: {bad}:7: rootfs/t/etc/missing.conf: no such file or directory (named by the definition)\n", run.Stderr);
        Assert.Equal(["swssbox-bad.oci", "swssbox-bad.tar"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order());
        Assert.Equal(before, Sha256Sum(Path.Combine(output, "swssbox-bad.tar")));
    }

    [Theory]
    [InlineData("../../../../etc/shadow", "escapes the image root")]
    [InlineData("/usr/lib/nowhere.so", "points at nothing in the image")]
    public void A_rootfs_file_with_a_bad_symlink_fails_naming_it_and_writes_nothing(string target, string why)
    {
        string root = Tree(("rootfs/t/etc/a.conf", "a"));
        File.CreateSymbolicLink(Path.Combine(root, "rootfs/t/etc/link"), target);
        string definition = Definition(root, "{ \"tree\": \"rootfs/t\" }");
        var run = Run.Swssbox(["mkimage", "-C", root, definition]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"mkimage: rootfs/t/etc/link: symlink /etc/link -> {target} {why}\n", run.Stderr);
        string output = Path.Combine(root, "out/images");
        Assert.True(!Directory.Exists(output) || Directory.GetFileSystemEntries(output).Length == 0);
    }

    [Fact]
    public void A_rootfs_change_changes_only_the_config_layer()
    {
        string root = Tree(("out/bin/tool", "binary v1"), ("rootfs/t/etc/a.conf", "a"));
        string definition = Path.Combine(root, "image.json");
        File.WriteAllText(definition, """
            { "name": "swssbox-layers", "layers": [
              { "name": "binary", "items": [ { "file": "out/bin/tool", "to": "/usr/bin/tool", "mode": "0755" } ] },
              { "name": "config", "items": [ { "tree": "rootfs/t" } ] } ] }
            """);
        string[] Layers()
        {
            var run = Run.Swssbox(["mkimage", "-C", root, definition]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            string manifest = File.ReadAllText(Path.Combine(root, "out/images/swssbox-layers.oci/manifest.json"));
            return System.Text.RegularExpressions.Regex.Matches(manifest, "\"blobs/sha256/([0-9a-f]{64})\"").Select(m => m.Groups[1].Value).Skip(1).ToArray();
        }
        var first = Layers();
        File.WriteAllText(Path.Combine(root, "rootfs/t/etc/a.conf"), "changed");
        var second = Layers();
        Assert.Equal(first[0], second[0]);
        Assert.NotEqual(first[1], second[1]);
        File.WriteAllText(Path.Combine(root, "out/bin/tool"), "binary v2");
        var third = Layers();
        Assert.NotEqual(second[0], third[0]);
        Assert.Equal(second[1], third[1]);
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        Assert.Equal(2, Run.Swssbox(["mkimage"]).ExitCode);
        Assert.Equal(2, Run.Swssbox(["mkimage", "--bogus", "x.json"]).ExitCode);
    }

    private string Tree(params (string Path, string Content)[] files)
    {
        string root = Path.Combine(_dir, "root-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), content);
        }
        return root;
    }

    private static string Definition(string root, string items)
    {
        string path = Path.Combine(root, "image.json");
        File.WriteAllText(path, "{\n  \"name\": \"swssbox-bad\",\n  \"layers\": [\n    { \"name\": \"config\", \"items\": [\n      { \"dir\": \"/tmp\", \"mode\": \"1777\" },\n" + items + "\n    ] }\n  ]\n}\n");
        return path;
    }

    private static string Sha256Sum(string file) => Run.Process("sha256sum", [file]).Stdout[..64];

    public void Dispose() => Directory.Delete(_dir, true);
}
