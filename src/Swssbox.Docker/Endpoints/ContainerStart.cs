namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>POST /containers/{id}/start; false when it was already running (304).</summary>
    public bool StartContainer(string id) => Call("POST", $"/containers/{Escape(id)}/start", alsoFine: 304).Status != 304;
}
