using System.Diagnostics;
using System.Formats.Tar;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Images;

/// <summary>The images in the real Docker engine: loaded, inspected, exported and run with SONiC's flags.</summary>
public sealed class ImageRunTests(ImageFixture images) : IClassFixture<ImageFixture>, IDisposable
{
    private readonly List<string> _containers = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-run-").FullName;

    [Fact]
    public void Docker_loads_each_archive_as_the_image_mkimage_reported()
    {
        foreach (var image in new[] { images.Orchagent, images.Database })
            Assert.Equal(image.ImageId, Docker.Run(["image", "inspect", "-f", "{{.Id}}", image.Reference]).Stdout.Trim());
        Assert.Equal("[\"/usr/bin/supervisord\"]", Docker.Run(["image", "inspect", "-f", "{{json .Config.Entrypoint}}", images.Orchagent.Reference]).Stdout.Trim());
    }

    [Fact]
    public void Orchagent_image_is_under_15_MB_uncompressed() =>
        Assert.True(images.Orchagent.Uncompressed < 15_000_000, $"{images.Orchagent.Uncompressed} bytes");

    [Fact]
    public void Swssbox_runs_in_the_orchagent_image_directly_and_through_a_tool_link()
    {
        var direct = Docker.Run(["run", "--rm", "--entrypoint", "/usr/bin/swssbox", images.Orchagent.Reference, "--version"]);
        Assert.StartsWith("swssbox ", direct.Stdout);
        var viaLink = Docker.Run(["run", "--rm", "--entrypoint", "/usr/bin/sonic-db-cli", images.Orchagent.Reference, "--version"]);
        Assert.StartsWith("sonic-db-cli (swssbox) ", viaLink.Stdout);
    }

    [Fact]
    public void Orchagent_image_holds_the_binary_a_link_per_tool_the_directories_and_rootfs()
    {
        var entries = Export(images.Orchagent.Reference);
        var swssbox = entries["usr/bin/swssbox"];
        Assert.Equal(TarEntryType.RegularFile, swssbox.Type);
        Assert.Equal((UnixFileMode)0b111_101_101, swssbox.Mode);
        Assert.Equal(new FileInfo(Repo.Binary).Length, swssbox.Length);
        var tools = Run.Swssbox(["--list"]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        Assert.NotEmpty(tools);
        foreach (string tool in tools)
        {
            Assert.True(entries.TryGetValue("usr/bin/" + tool, out var link), $"no link for {tool}");
            Assert.Equal((TarEntryType.SymbolicLink, "swssbox"), (link!.Type, link.LinkName));
        }
        Assert.Equal((UnixFileMode)0b1_111_111_111, entries["tmp"].Mode);
        foreach (string dir in new[] { "var/run", "var/log", "etc/sonic", "usr/share/sonic/platform", "usr/share/sonic/hwsku", "usr/share/sonic/templates", "etc/swss/config.d" })
            Assert.Equal(TarEntryType.Directory, entries[dir].Type);
        Assert.Equal(TarEntryType.RegularFile, entries["etc/passwd"].Type);
        // Whatever the repository has under rootfs/docker-orchagent-bfn is in the image, at the same place.
        string rootfs = Path.Combine(Repo.Root, "rootfs/docker-orchagent-bfn");
        if (Directory.Exists(rootfs))
            foreach (string file in Directory.EnumerateFileSystemEntries(rootfs, "*", SearchOption.AllDirectories))
                Assert.True(entries.ContainsKey(Path.GetRelativePath(rootfs, file)), $"{file} is not in the image");
    }

    [Fact]
    public void Database_image_holds_every_library_ldd_lists_for_redis_server()
    {
        var entries = Export(images.Database.Reference);
        // Exactly what glibc's loader resolves for the two executables, nothing more: ldd is the oracle.
        var ldd = new[] { "/usr/bin/redis-server", "/usr/bin/redis-cli" }
            .SelectMany(b => Run.Process("ldd", [b]).Stdout.Split('\n'))
            .Select(l => l.Trim().Split(' ')[0]).Where(n => n.StartsWith("lib", StringComparison.Ordinal))
            .Append("ld-linux-x86-64.so.2").Distinct().Order(StringComparer.Ordinal).ToList();
        var inImage = entries.Keys.Where(k => k.StartsWith("usr/lib/x86_64-linux-gnu/", StringComparison.Ordinal) && entries[k].Type == TarEntryType.RegularFile)
            .Select(k => Path.GetFileName(k)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ldd, inImage);
        Assert.Equal((TarEntryType.SymbolicLink, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"), (entries["lib64/ld-linux-x86-64.so.2"].Type, entries["lib64/ld-linux-x86-64.so.2"].LinkName));
    }

    [Fact]
    public void Orchagent_with_sonic_flags_reaches_the_database_container_over_the_bind_mounted_socket()
    {
        string redisDir = StartDatabase();
        Run.Process("redis-cli", ["-s", Path.Combine(redisDir, "redis.sock"), "-n", "4", "HSET", "DEVICE_METADATA|localhost", "hwsku", "montara"]);
        Directory.CreateDirectory(Path.Combine(redisDir, "sonic-db"));
        File.Copy(Path.Combine(Repo.Root, "rootfs/docker-database/etc/default/sonic-db/database_config.json"), Path.Combine(redisDir, "sonic-db/database_config.json"));
        foreach (string d in new[] { "etc-sonic", "log-swss", "platform", "hwsku" })
            Directory.CreateDirectory(Path.Combine(_dir, d));
        string name = Container("swss");
        // The database container has no network of its own here (port 6379 may be taken on this host), so the
        // client uses the unix socket (-s), which is what crosses the shared /var/run/redis bind mount.
        // SONiC's swss flags (docker_image_ctl.j2, docker-orchagent.mk) with --cap-add in place of --privileged.
        var run = Docker.Run(["run", "--rm", "--name", name, "--net=host", "--uts=host", "--cap-add=NET_ADMIN", "--cap-add=SYS_ADMIN",
            "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
            "-e", "RUNTIME_OWNER=local", "-e", "CONTAINER_NAME=swss",
            "-v", $"{_dir}/etc-sonic:/etc/sonic:ro", "-v", $"{_dir}/log-swss:/var/log/swss:rw", "-v", $"{redisDir}:/var/run/redis:rw",
            "-v", $"{_dir}/platform:/usr/share/sonic/platform:ro", "-v", $"{_dir}/hwsku:/usr/share/sonic/hwsku:ro",
            "--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--tmpfs", "/var/log/supervisor:rw",
            "--entrypoint", "/usr/bin/sonic-db-cli", images.Orchagent.Reference, "-s", "CONFIG_DB", "HGET", "DEVICE_METADATA|localhost", "hwsku"], check: false);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("montara", run.Stdout.Trim());
    }

    [Fact]
    public void Database_container_serves_redis_on_its_socket_and_stops_cleanly()
    {
        string redisDir = StartDatabase();
        Assert.Equal("PONG", Run.Process("redis-cli", ["-s", Path.Combine(redisDir, "redis.sock"), "PING"]).Stdout.Trim());
        var sw = Stopwatch.StartNew();
        Docker.Run(["stop", "-t", "10", _containers[^1]]);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"docker stop took {sw.Elapsed}");
        Assert.Equal("0", Docker.Run(["inspect", "-f", "{{.State.ExitCode}}", _containers[^1]]).Stdout.Trim());
    }

    [ToolFact("supervisord")]
    public void Orchagent_boots_our_supervisord_as_pid_1_and_stops_within_a_second()
    {
        string name = Container("swss-pid1");
        Docker.Run(["run", "-d", "--name", name, "--net=host", "--cap-add=NET_ADMIN", "--tmpfs", "/tmp", images.Orchagent.Reference]);
        Thread.Sleep(500);
        string pid = Docker.Run(["inspect", "-f", "{{.State.Pid}}", name]).Stdout.Trim();
        string cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
        Assert.StartsWith("/usr/bin/supervisord", cmdline);
        var sw = Stopwatch.StartNew();
        Docker.Run(["stop", "-t", "10", name]);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"docker stop took {sw.Elapsed}");
        Assert.Equal("0", Docker.Run(["inspect", "-f", "{{.State.ExitCode}}", name]).Stdout.Trim());
    }

    /// <summary>Starts docker-database with a host directory at /var/run/redis; returns it once redis answers.</summary>
    private string StartDatabase()
    {
        string redisDir = Path.Combine(_dir, "redis-" + _containers.Count);
        Directory.CreateDirectory(redisDir);
        string name = Container("database");
        Docker.Run(["run", "-d", "--name", name, "--net=none", "-v", $"{redisDir}:/var/run/redis:rw", images.Database.Reference]);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (File.Exists(Path.Combine(redisDir, "redis.sock")) && Run.Process("redis-cli", ["-s", Path.Combine(redisDir, "redis.sock"), "PING"]).Stdout.Trim() == "PONG")
                return redisDir;
            Thread.Sleep(50);
        }
        throw new InvalidOperationException("redis in docker-database did not answer: " + Docker.Run(["logs", name], check: false).Stderr);
    }

    private string Container(string what)
    {
        string name = Docker.UniqueName(what);
        _containers.Add(name);
        return name;
    }

    private sealed record Item(TarEntryType Type, UnixFileMode Mode, string LinkName, long Length);

    /// <summary>The container filesystem as the engine assembles it from the layers (docker create + export).</summary>
    private Dictionary<string, Item> Export(string image)
    {
        string name = Container("export");
        Docker.Run(["create", "--name", name, image]);
        string tar = Path.Combine(_dir, name + ".tar");
        Docker.Run(["export", "-o", tar, name]);
        var entries = new Dictionary<string, Item>(StringComparer.Ordinal);
        using var reader = new TarReader(File.OpenRead(tar));
        while (reader.GetNextEntry() is { } e)
            entries[e.Name.TrimEnd('/')] = new Item(e.EntryType, e.Mode, e.LinkName, e.Length);
        return entries;
    }

    public void Dispose()
    {
        Docker.RemoveContainers([.. _containers]);
        // Containers ran as root and wrote into bind mounts: remove through the host, not as the test user.
        Run.Process("rm", ["-rf", _dir]);
    }
}
