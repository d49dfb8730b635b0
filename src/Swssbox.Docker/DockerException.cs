namespace Swssbox.Docker;

/// <summary>Base of the client's errors; every message is one line naming the endpoint and the call.</summary>
public abstract class DockerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The engine could not be reached at all (no socket, refused, bad DOCKER_HOST, broken HTTP).</summary>
public sealed class DockerUnavailableException(string endpoint, string cause, Exception? inner = null)
    : DockerException($"docker engine at {endpoint} is unreachable: {cause}", inner)
{
    /// <summary>"unix:/path".</summary>
    public string Endpoint { get; } = endpoint;
}

/// <summary>The engine answered a call with an error status; <see cref="EngineMessage"/> is its "message".</summary>
public sealed class DockerApiException(string call, int status, string engineMessage)
    : DockerException($"{call}: {engineMessage} (HTTP {status})")
{
    /// <summary>"POST /containers/create", without the version prefix.</summary>
    public string Call { get; } = call;

    /// <summary>HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The engine's own text ("No such image: …").</summary>
    public string EngineMessage { get; } = engineMessage;

    /// <summary>404: no such container, image or path.</summary>
    public bool IsNotFound => Status == 404;
}
