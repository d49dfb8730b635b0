namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>POST /containers/{id}/stop?t=N (SIGTERM, then SIGKILL after N s); false when it was not running (304).</summary>
    public bool StopContainer(string id, int? timeoutSeconds = null)
    {
        string query = timeoutSeconds is { } t ? $"?t={t}" : "";
        return Call("POST", $"/containers/{Escape(id)}/stop{query}", alsoFine: 304).Status != 304;
    }
}
