using System.Buffers.Binary;

namespace Swssbox.Docker;

public sealed partial class DockerClient
{
    /// <summary>
    /// POST /containers/{id}/attach?stream=1&amp;stdout=1&amp;stderr=1 (docker attach --no-stdin), hijacked: copies the
    /// container's output to <paramref name="stdout"/>/<paramref name="stderr"/> until the engine closes the stream
    /// (the container stopped). A TTY container's stream is raw; otherwise it is multiplexed in 8-byte-header frames.
    /// <paramref name="attached"/> runs once the stream is established.
    /// </summary>
    public void AttachContainer(string id, bool tty, Stream stdout, Stream stderr, Action? attached = null)
    {
        var (connection, _) = Hijack("POST", $"/containers/{Escape(id)}/attach?stream=1&stdout=1&stderr=1", default, null);
        using (connection)
        {
            attached?.Invoke();
            if (tty)
                CopyRaw(connection, stdout);
            else
                Demultiplex(connection, stdout, stderr);
        }
    }

    internal static void CopyRaw(Transport.HttpConnection connection, Stream output)
    {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = connection.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
            output.Flush();
        }
    }

    /// <summary>Frames: [stream type: 0 stdin, 1 stdout, 2 stderr][0 0 0][uint32 big-endian length] then the payload.</summary>
    internal static void Demultiplex(Transport.HttpConnection connection, Stream stdout, Stream stderr)
    {
        Span<byte> header = stackalloc byte[8];
        byte[] payload = new byte[16 * 1024];
        while (connection.ReadExactly(header))
        {
            var target = header[0] == 2 ? stderr : stdout;
            int remaining = (int)BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            while (remaining > 0)
            {
                int n = connection.Read(payload.AsSpan(0, Math.Min(payload.Length, remaining)));
                if (n == 0)
                    return;
                target.Write(payload, 0, n);
                remaining -= n;
            }
            target.Flush();
        }
    }
}
