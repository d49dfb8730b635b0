namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>POST /containers/{id}/kill?signal=…; 409 when it is not running.</summary>
    public void KillContainer(string id, string signal = "SIGKILL") =>
        Call("POST", $"/containers/{Escape(id)}/kill?signal={Escape(signal)}");
}
