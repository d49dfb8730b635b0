namespace Swssbox.Host;

/// <summary>
/// Host paths as SONiC names them (/host/machine.conf, /usr/share/sonic/device, /etc/sonic, …), under a root that
/// is "/" on a switch and a scratch directory in tests and local bring-up (SWSSBOX_HOST_ROOT). Bind sources are
/// host paths too, so the engine sees the same files.
/// </summary>
public sealed record HostPaths(string Root)
{
    /// <summary>The override variable.</summary>
    public const string RootVariable = "SWSSBOX_HOST_ROOT";

    /// <summary>"/" unless SWSSBOX_HOST_ROOT is set.</summary>
    public static HostPaths FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? Path.GetFullPath(root) : "/");

    /// <summary>The host path for SONiC's absolute <paramref name="sonicPath"/>; a trailing '/' is kept (bind syntax).</summary>
    public string Of(string sonicPath) => Root == "/" ? sonicPath : Root.TrimEnd('/') + sonicPath;

    /// <summary>/host/machine.conf.</summary>
    public string MachineConf => Of("/host/machine.conf");

    /// <summary>/host/fast-reboot.</summary>
    public string FastReboot => Of("/host/fast-reboot");

    /// <summary>The per-container run options file, /etc/sonic/swssbox/&lt;service&gt;.json.</summary>
    public string RunOptionsFile(string service) => Of($"/etc/sonic/swssbox/{service}.json");
}
