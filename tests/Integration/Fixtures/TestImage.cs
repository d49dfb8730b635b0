using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A tiny image built and `docker load`ed by the test itself (docker-archive: manifest.json, config, one layer):
/// busybox-static with a few applet links. Its command prints "started", then either exits with $EXIT_CODE after
/// $EXIT_AFTER seconds (printing "bye") or sleeps until SIGTERM. Independent of the product images.
/// </summary>
public sealed class TestImage : IDisposable
{
    /// <summary>The container command.</summary>
    public const string Script =
        "echo started; " +
        "if [ -n \"$EXIT_CODE\" ]; then sleep \"${EXIT_AFTER:-1}\"; echo bye; echo oops >&2; exit \"$EXIT_CODE\"; fi; " +
        "trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done";

    private static readonly string[] Applets = ["sh", "sleep", "rm", "ls", "cat", "test", "echo", "touch", "stat"];

    /// <summary>Builds and loads the image under a unique tag.</summary>
    public TestImage()
    {
        Tag = $"swssbox-test-{Guid.NewGuid():N}"[..24] + ":latest";
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-image-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            byte[] layer = Layer();
            string diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(layer));
            string config = $$"""
                {"architecture":"amd64","os":"linux","created":"2026-01-01T00:00:00Z",
                 "config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh","-c",{{System.Text.Json.JsonSerializer.Serialize(Script)}}]},
                 "rootfs":{"type":"layers","diff_ids":["{{diffId}}"]},
                 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"swssbox test"}]}
                """;
            string manifest = $$"""[{"Config":"config.json","RepoTags":["{{Tag}}"],"Layers":["layer.tar"]}]""";
            string archive = Path.Combine(dir, "image.tar");
            using (var file = File.Create(archive))
            using (var tar = new TarWriter(file, TarEntryFormat.Pax))
            {
                Add(tar, "manifest.json", Encoding.UTF8.GetBytes(manifest));
                Add(tar, "config.json", Encoding.UTF8.GetBytes(config));
                Add(tar, "layer.tar", layer);
            }
            var load = Run.Process("docker", ["load", "-i", archive]);
            if (load.ExitCode != 0)
                throw new InvalidOperationException("docker load failed: " + load.Stderr);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>"swssbox-test-…:latest".</summary>
    public string Tag { get; }

    private static byte[] Layer()
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)Convert.ToInt32("755", 8) });
            var busybox = new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
            {
                Mode = (UnixFileMode)Convert.ToInt32("755", 8),
                DataStream = new MemoryStream(File.ReadAllBytes("/bin/busybox")),
            };
            tar.WriteEntry(busybox);
            foreach (string applet in Applets)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = (UnixFileMode)Convert.ToInt32("777", 8) });
        }
        return ms.ToArray();
    }

    private static void Add(TarWriter tar, string name, byte[] data) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = (UnixFileMode)Convert.ToInt32("644", 8), DataStream = new MemoryStream(data) });

    /// <inheritdoc />
    public void Dispose() => Run.Process("docker", ["rmi", "-f", Tag]);
}
