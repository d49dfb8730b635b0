namespace Swssbox.Docker.Models;

/// <summary>The parts of GET /containers/{id}/json that the service wrappers read.</summary>
public sealed class ContainerInspect
{
    /// <summary>Full container id.</summary>
    public string Id { get; set; } = "";

    /// <summary>"/swss".</summary>
    public string Name { get; set; } = "";

    /// <summary>The image id it was created from.</summary>
    public string Image { get; set; } = "";

    /// <summary>Run state.</summary>
    public ContainerState State { get; set; } = new();

    /// <summary>Creation-time config (Tty, Image name, Labels).</summary>
    public ContainerConfig Config { get; set; } = new();

    /// <summary>Host config as created.</summary>
    public HostConfig HostConfig { get; set; } = new();

    /// <summary>Mounts as the engine resolved them.</summary>
    public List<MountPoint> Mounts { get; set; } = [];

    /// <summary>Source of the mount at <paramref name="destination"/>, or null.</summary>
    public string? MountSource(string destination) =>
        Mounts.FirstOrDefault(m => m.Destination == destination)?.Source;
}

/// <summary>State: Status "created|running|paused|restarting|removing|exited|dead".</summary>
public sealed class ContainerState
{
    /// <summary>Textual state.</summary>
    public string Status { get; set; } = "";

    /// <summary>Whether it runs.</summary>
    public bool Running { get; set; }

    /// <summary>Main process pid (0 when not running).</summary>
    public int Pid { get; set; }

    /// <summary>Last exit code.</summary>
    public int ExitCode { get; set; }

    /// <summary>Start error text, if any.</summary>
    public string? Error { get; set; }
}

/// <summary>One entry of Mounts.</summary>
public sealed class MountPoint
{
    /// <summary>"bind", "volume", "tmpfs".</summary>
    public string? Type { get; set; }

    /// <summary>Host path.</summary>
    public string? Source { get; set; }

    /// <summary>Container path.</summary>
    public string? Destination { get; set; }

    /// <summary>Writable.</summary>
    public bool RW { get; set; }
}

/// <summary>Config of an inspected container.</summary>
public sealed class ContainerConfig
{
    /// <summary>Created with -t.</summary>
    public bool Tty { get; set; }

    /// <summary>The image reference it was created with.</summary>
    public string? Image { get; set; }

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
