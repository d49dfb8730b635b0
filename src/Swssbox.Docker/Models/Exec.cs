namespace Swssbox.Docker.Models;

/// <summary>POST /containers/{id}/exec body.</summary>
public sealed class ExecCreateRequest
{
    /// <summary>Collect stdout.</summary>
    public bool AttachStdout { get; set; } = true;

    /// <summary>Collect stderr.</summary>
    public bool AttachStderr { get; set; } = true;

    /// <summary>Allocate a TTY.</summary>
    public bool Tty { get; set; }

    /// <summary>The command.</summary>
    public List<string> Cmd { get; set; } = [];
}

/// <summary>POST /exec/{id}/start body.</summary>
public sealed class ExecStartRequest
{
    /// <summary>Return at once instead of streaming.</summary>
    public bool Detach { get; set; }

    /// <summary>Must match the exec's Tty.</summary>
    public bool Tty { get; set; }
}

/// <summary>GET /exec/{id}/json answer.</summary>
public sealed class ExecInspect
{
    /// <summary>Still running.</summary>
    public bool Running { get; set; }

    /// <summary>Exit code once finished.</summary>
    public int? ExitCode { get; set; }
}
