namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>GET /_ping: the engine's API version (Api-Version header); also negotiates it for later calls.</summary>
    public string Ping() => ApiVersion;
}
