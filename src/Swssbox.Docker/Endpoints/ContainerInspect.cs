using Swssbox.Docker.Models;

namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>GET /containers/{name}/json; null when no such container exists (404).</summary>
    public ContainerInspect? InspectContainer(string name)
    {
        string path = $"/containers/{Escape(name)}/json";
        var response = Call("GET", path, alsoFine: 404);
        return response.Status == 404 ? null : Decode("GET", path, response, DockerJson.Default.ContainerInspect);
    }
}
