namespace Swssbox.Docker;

/// <summary>Where the engine listens: DOCKER_HOST when it names a unix socket, else /var/run/docker.sock.</summary>
public sealed record DockerEndpoint(string SocketPath)
{
    /// <summary>The engine's default socket.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>The docker CLI's override variable; only unix:// is supported (no TLS, no TCP: no OpenSSL here).</summary>
    public const string HostVariable = "DOCKER_HOST";

    /// <summary>The endpoint SONiC's docker CLI would use in this environment.</summary>
    public static DockerEndpoint FromEnvironment() => Parse(Environment.GetEnvironmentVariable(HostVariable));

    /// <summary>Parses a DOCKER_HOST value; null or empty means the default socket.</summary>
    public static DockerEndpoint Parse(string? dockerHost)
    {
        if (string.IsNullOrEmpty(dockerHost))
            return new DockerEndpoint(DefaultSocket);
        const string scheme = "unix://";
        if (!dockerHost.StartsWith(scheme, StringComparison.Ordinal) || dockerHost.Length == scheme.Length)
            throw new DockerUnavailableException(dockerHost, $"{HostVariable}={dockerHost}: only unix:///path/to/socket is supported");
        return new DockerEndpoint(dockerHost[scheme.Length..]);
    }

    /// <summary>"unix:/path", for messages.</summary>
    public override string ToString() => "unix:" + SocketPath;
}
