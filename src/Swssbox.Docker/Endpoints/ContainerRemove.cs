namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>DELETE /containers/{id}?force=…&amp;v=… (docker rm -f); false when it did not exist (404).</summary>
    public bool RemoveContainer(string id, bool force = true, bool volumes = false) =>
        Call("DELETE", $"/containers/{Escape(id)}?force={(force ? 1 : 0)}&v={(volumes ? 1 : 0)}", alsoFine: 404).Status != 404;
}
