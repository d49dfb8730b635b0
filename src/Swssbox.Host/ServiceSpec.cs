namespace Swssbox.Host;

/// <summary>
/// One SONiC service container as the bfn build renders docker_image_ctl.j2 for it (201807): its container and
/// image names, the binds of its docker run line beyond the common ones, and whether it has swss's post-start action.
/// </summary>
/// <param name="Service">"swss" or "syncd": the tool is &lt;service&gt;.sh, the options file &lt;service&gt;.json.</param>
/// <param name="Image">docker run's image.</param>
/// <param name="ExtraBinds">(host path, container path, mode) beyond redis/platform/hwsku.</param>
/// <param name="PostStart">Whether start ends with the /ready and fast-reboot action.</param>
/// <param name="Hwsku">Whether the container mounts the platform and HWSKU (all but database).</param>
public sealed record ServiceSpec(string Service, string Image, IReadOnlyList<(string Host, string Container, string Mode)> ExtraBinds, bool PostStart, bool Hwsku = true)
{
    /// <summary>Where the HWSKU directory is mounted; its source's basename says which HWSKU a container was made for.</summary>
    public const string HwskuMount = "/usr/share/sonic/hwsku";

    /// <summary>swss (platform/barefoot/docker-orchagent-bfn.mk).</summary>
    public static ServiceSpec Swss { get; } = new("swss", "docker-orchagent-bfn:latest",
    [
        ("/etc/network/interfaces", "/etc/network/interfaces", "ro"),
        ("/etc/network/interfaces.d/", "/etc/network/interfaces.d/", "ro"),
        ("/host/machine.conf", "/host/machine.conf", "ro"),
        ("/etc/sonic", "/etc/sonic", "ro"),
        ("/var/log/swss", "/var/log/swss", "rw"),
    ], PostStart: true);

    /// <summary>syncd (platform/barefoot/docker-syncd-bfn.mk).</summary>
    public static ServiceSpec Syncd { get; } = new("syncd", "docker-syncd-bfn:latest",
    [
        ("/host/machine.conf", "/etc/machine.conf", ""),
        ("/etc/sonic", "/etc/sonic", "ro"),
    ], PostStart: false);

    /// <summary>
    /// database: no platform or HWSKU mount (docker_image_ctl.j2 starts an existing one unconditionally); its
    /// /var/run/redis is bound so the host and the other containers reach redis.sock. Start waits for PING.
    /// </summary>
    public static ServiceSpec Database { get; } = new("database", "docker-database:latest",
    [
        ("/var/run/redis", "/var/run/redis", "rw"),
        ("/etc/sonic", "/etc/sonic", "ro"),
    ], PostStart: false, Hwsku: false);
}
