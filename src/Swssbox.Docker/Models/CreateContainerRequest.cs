namespace Swssbox.Docker.Models;

/// <summary>POST /containers/create body (the fields `docker run` fills for SONiC's service containers).</summary>
public sealed class CreateContainerRequest
{
    /// <summary>Image reference ("docker-orchagent-bfn:latest").</summary>
    public string Image { get; set; } = "";

    /// <summary>-t.</summary>
    public bool Tty { get; set; }

    /// <summary>Attach stdout/stderr (the CLI sets these for -t without -d; harmless with -d).</summary>
    public bool AttachStdout { get; set; }

    /// <summary>See <see cref="AttachStdout"/>.</summary>
    public bool AttachStderr { get; set; }

    /// <summary>-e NAME=value.</summary>
    public List<string>? Env { get; set; }

    /// <summary>Command (null: the image's).</summary>
    public List<string>? Cmd { get; set; }

    /// <summary>Entrypoint (null: the image's).</summary>
    public List<string>? Entrypoint { get; set; }

    /// <summary>--label.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Host-side options.</summary>
    public HostConfig HostConfig { get; set; } = new();
}

/// <summary>HostConfig of create and inspect.</summary>
public sealed class HostConfig
{
    /// <summary>--net ("host").</summary>
    public string? NetworkMode { get; set; }

    /// <summary>--uts.</summary>
    public string? UTSMode { get; set; }

    /// <summary>--privileged.</summary>
    public bool Privileged { get; set; }

    /// <summary>--cap-add.</summary>
    public List<string>? CapAdd { get; set; }

    /// <summary>--security-opt.</summary>
    public List<string>? SecurityOpt { get; set; }

    /// <summary>-v src:dst[:mode].</summary>
    public List<string>? Binds { get; set; }

    /// <summary>--tmpfs path[:options].</summary>
    public Dictionary<string, string>? Tmpfs { get; set; }

    /// <summary>--log-driver / --log-opt.</summary>
    public LogConfig? LogConfig { get; set; }
}

/// <summary>Log driver and options.</summary>
public sealed class LogConfig
{
    /// <summary>"json-file".</summary>
    public string Type { get; set; } = "json-file";

    /// <summary>max-size, max-file, …</summary>
    public Dictionary<string, string> Config { get; set; } = [];
}

/// <summary>201 answer of create.</summary>
public sealed class CreateContainerResponse
{
    /// <summary>New container id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Engine warnings (e.g. about a memory limit).</summary>
    public List<string>? Warnings { get; set; }
}
