using System.Net.Sockets;
using System.Text;
using Swssbox.Docker;

namespace Swssbox.Tests.Unit.Host;

/// <summary>
/// The client's HTTP/1.1 on exact bytes: a scripted peer on a real unix socket answers as an engine of API 1.43
/// would (the engine on this machine speaks 1.41, so this is where negotiation is seen to follow the server).
/// </summary>
public sealed class DockerWireTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"swssbox-wire-{Guid.NewGuid():N}.sock"[..40]);
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<string> _requests = [];

    public DockerWireTests()
    {
        _listener.Bind(new UnixDomainSocketEndPoint(_path));
        _listener.Listen(1);
    }

    /// <summary>Serves one connection: for each request head read, sends the next canned answer.</summary>
    private Task Serve(params string[] answers) => Task.Run(() =>
    {
        using var peer = _listener.Accept();
        var pending = new StringBuilder();
        byte[] buffer = new byte[4096];
        foreach (string answer in answers)
        {
            while (!pending.ToString().Contains("\r\n\r\n"))
            {
                int n = peer.Receive(buffer);
                if (n == 0)
                    return;
                pending.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            string text = pending.ToString();
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
            lock (_requests)
                _requests.Add(text[..end]);
            pending.Remove(0, end);
            peer.Send(Encoding.ASCII.GetBytes(answer));
        }
    });

    [Fact]
    public async Task Negotiates_from_ping_and_reads_chunked_and_error_bodies()
    {
        const string inspect = """{"Id":"abc","Name":"/swss","State":{"Status":"exited","ExitCode":7},"Mounts":[{"Source":"/d/montara","Destination":"/usr/share/sonic/hwsku"}]}""";
        string chunked = string.Concat(inspect.Chunk(40).Select(c => $"{c.Length:x};ext=1\r\n{new string(c)}\r\n")) + "0\r\nX-Trailer: 1\r\n\r\n";
        var server = Serve(
            "HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Length: 2\r\n\r\nOK",
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked,
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"message\":\"No such container: gone\"}\n\r\n");
        using var client = new DockerClient(new DockerEndpoint(_path));
        var c = client.InspectContainer("swss")!;
        Assert.Equal(("abc", 7, "/d/montara"), (c.Id, c.State.ExitCode, c.MountSource("/usr/share/sonic/hwsku")));
        var e = Assert.Throws<DockerApiException>(() => client.StopContainer("gone"));
        Assert.Equal("POST /containers/gone/stop: No such container: gone (HTTP 404)", e.Message);
        await server.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.StartsWith("GET /_ping HTTP/1.1\r\n", _requests[0]);
        Assert.StartsWith("GET /v1.43/containers/swss/json HTTP/1.1\r\n", _requests[1]);
        Assert.StartsWith("POST /v1.43/containers/gone/stop HTTP/1.1\r\n", _requests[2]);
        Assert.Contains("Content-Length: 0\r\n", _requests[2]);
    }

    [Fact]
    public async Task Refuses_an_engine_older_than_the_floor()
    {
        var server = Serve("HTTP/1.1 200 OK\r\nApi-Version: 1.24\r\nContent-Length: 2\r\n\r\nOK");
        using var client = new DockerClient(new DockerEndpoint(_path));
        var e = Assert.Throws<DockerUnavailableException>(() => client.Ping());
        Assert.Contains("engine API 1.24 is older than the 1.30 swssbox needs", e.Message);
        await server.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _listener.Dispose();
        File.Delete(_path);
    }
}
