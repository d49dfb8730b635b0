using Swssbox.Docker.Models;

namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>POST /containers/{id}/wait?condition=…: blocks until the condition and returns the exit code.</summary>
    public int WaitContainer(string id, string condition = "not-running")
    {
        string path = $"/containers/{Escape(id)}/wait?condition={Escape(condition)}";
        var answer = Decode("POST", path, Call("POST", path), DockerJson.Default.WaitResponse);
        if (answer.Error?.Message is { Length: > 0 } message)
            throw new DockerApiException($"POST /containers/{id}/wait", 200, message);
        return (int)answer.StatusCode;
    }
}
