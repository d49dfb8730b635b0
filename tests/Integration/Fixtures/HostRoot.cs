using System.Text.Json;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A scratch host filesystem for the service wrappers (SWSSBOX_HOST_ROOT): machine.conf, the bfn platform and
/// HWSKU directories, the seed's bind sources, and /etc/sonic/swssbox/&lt;service&gt;.json naming a unique container
/// and the test image. Removes its containers on dispose.
/// </summary>
public sealed class HostRoot : IDisposable
{
    /// <summary>The platform written to machine.conf.</summary>
    public const string Platform = "x86_64-accton_wedge100bf_32x-r0";

    private readonly List<string> _containers = [];

    /// <summary>Creates the tree.</summary>
    public HostRoot()
    {
        Root = Path.Combine(Path.GetTempPath(), "swssbox-host-" + Guid.NewGuid().ToString("N")[..8]);
        Write("host/machine.conf", $"onie_platform={Platform}\nonie_machine=accton_wedge100bf_32x\n");
        foreach (string sku in new[] { "montara", "mavericks" })
            Directory.CreateDirectory(Of($"usr/share/sonic/device/{Platform}/{sku}"));
        Write("etc/network/interfaces", "auto lo\niface lo inet loopback\n");
        foreach (string d in new[] { "etc/network/interfaces.d", "var/log/swss", "var/run/redis", "etc/sonic/swssbox" })
            Directory.CreateDirectory(Of(d));
    }

    /// <summary>The root directory.</summary>
    public string Root { get; }

    /// <summary>A path inside the root.</summary>
    public string Of(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file (creating directories).</summary>
    public void Write(string relative, string text)
    {
        string path = Of(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Writes the run options for <paramref name="service"/>; returns the unique container name.</summary>
    public string Options(string service, string image, IEnumerable<string>? env = null, string? containerName = null, bool? privileged = null)
    {
        containerName ??= $"{service}-test-{Guid.NewGuid():N}"[..24];
        _containers.Add(containerName);
        var options = new Dictionary<string, object> { ["image"] = image, ["container_name"] = containerName };
        if (env is not null)
            options["env"] = env.ToArray();
        if (privileged is { } p)
            options["privileged"] = p;
        Write($"etc/sonic/swssbox/{service}.json", JsonSerializer.Serialize(options));
        return containerName;
    }

    /// <summary>Environment for the wrappers: this root, the given Redis, the real engine.</summary>
    public Dictionary<string, string> Env(RedisServer redis) => new()
    {
        ["SWSSBOX_HOST_ROOT"] = Root,
        ["SONIC_DB_CONFIG_FILE"] = redis.ConfigFile,
        ["SWSSBOX_LOG_SOCKET"] = "/nonexistent",
    };

    /// <summary>Tracks a container made by other means, to remove it on dispose.</summary>
    public void Track(string container) => _containers.Add(container);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (string c in _containers)
            Run.Process("docker", ["rm", "-f", c]);
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
