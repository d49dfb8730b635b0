using System.Net;
using System.Net.Sockets;
using Swssbox.Sonic.Config;

namespace Swssbox.Sonic.Connection;

/// <summary>Connects a plain socket to a Redis instance to learn why it is unreachable, in the kernel's words.</summary>
internal static class EndpointProbe
{
    /// <summary>The connect error's text, or null when the socket connects (the fault is elsewhere).</summary>
    public static string? Try(RedisInstance instance, bool unix)
    {
        try
        {
            if (unix)
            {
                // .NET reports ENOENT from connect() as "Cannot assign requested address"; say what the kernel meant.
                if (!File.Exists(instance.UnixSocketPath!))
                    return "No such file or directory";
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Connect(new UnixDomainSocketEndPoint(instance.UnixSocketPath!));
            }
            else
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                var connect = IPAddress.TryParse(instance.Hostname, out var ip)
                    ? socket.ConnectAsync(new IPEndPoint(ip, instance.Port))
                    : socket.ConnectAsync(new DnsEndPoint(instance.Hostname, instance.Port));
                if (!connect.Wait(TimeSpan.FromSeconds(1)))
                    return "connect timed out";
            }
            return null;
        }
        catch (AggregateException e) when (e.InnerException is SocketException s)
        {
            return s.Message;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }
}
