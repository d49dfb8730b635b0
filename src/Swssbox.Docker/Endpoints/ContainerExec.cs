using Swssbox.Docker.Models;

namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>
    /// docker exec without a TTY: POST /containers/{id}/exec, POST /exec/{eid}/start (hijacked, multiplexed output
    /// discarded), GET /exec/{eid}/json. Returns the command's exit code.
    /// </summary>
    public int Exec(string id, IReadOnlyList<string> command)
    {
        var created = CallJson("POST", $"/containers/{Escape(id)}/exec", new ExecCreateRequest { Cmd = [.. command] },
            DockerJson.Default.ExecCreateRequest, DockerJson.Default.IdResponse);
        byte[] start = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest(), DockerJson.Default.ExecStartRequest);
        var (connection, _) = Hijack("POST", $"/exec/{created.Id}/start", start, "application/json");
        using (connection)
            Demultiplex(connection, Stream.Null, Stream.Null);
        string path = $"/exec/{created.Id}/json";
        var inspect = Decode("GET", path, Call("GET", path), DockerJson.Default.ExecInspect);
        return inspect.ExitCode ?? -1;
    }
}
