namespace Swssbox.Host;

/// <summary>A host-side failure with SONiC's exit status (docker_image_ctl.j2 exits 4 when docker run fails).</summary>
public sealed class HostException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The wrapper's exit status for this failure.</summary>
    public int ExitCode { get; } = exitCode;
}
