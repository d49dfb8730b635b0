namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>PUT /containers/{id}/archive?path=dir with an uncompressed tar (docker cp into a container; works stopped too).</summary>
    public void PutArchive(string id, string directory, ReadOnlySpan<byte> tar) =>
        Call("PUT", $"/containers/{Escape(id)}/archive?path={Escape(directory)}", tar, "application/x-tar");

    /// <summary>HEAD /containers/{id}/archive?path=…: whether the path exists in the container's filesystem.</summary>
    public bool PathExists(string id, string path) =>
        Call("HEAD", $"/containers/{Escape(id)}/archive?path={Escape(path)}", alsoFine: 404).Status != 404;
}
