using Swssbox.Docker.Models;

namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>POST /containers/create?name=…; returns the new id (404 "No such image", 409 name in use).</summary>
    public CreateContainerResponse CreateContainer(string name, CreateContainerRequest request) =>
        CallJson("POST", $"/containers/create?name={Escape(name)}", request, DockerJson.Default.CreateContainerRequest, DockerJson.Default.CreateContainerResponse);
}
