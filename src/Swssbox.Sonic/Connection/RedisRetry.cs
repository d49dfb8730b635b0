using System.Diagnostics;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Swssbox.Sonic.Connection;

/// <summary>
/// Retries a Redis call while the server is unreachable, restarting or loading its dataset. Every operation we
/// retry is idempotent (HSET of the same values, SADD, DEL), so a call that ran but lost its reply is safe to repeat.
/// </summary>
public static class RedisRetry
{
    /// <summary>Runs <paramref name="call"/> until it succeeds or the connector's policy gives up.</summary>
    public static T Run<T>(DbConnector connector, string what, Func<T> call)
    {
        var policy = connector.Retry;
        long start = Stopwatch.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return call();
            }
            catch (Exception e) when (IsTransient(e))
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (policy.GiveUpAfter != Timeout.InfiniteTimeSpan && elapsed >= policy.GiveUpAfter)
                    throw new RedisUnavailableException(connector.Endpoint, connector.Info.Name, Cause(connector, e), e);
                Thread.Sleep(policy.Delay(attempt));
            }
            catch (RedisServerException e)
            {
                throw new RedisReplyException(connector.Endpoint, what, e.Message, e);
            }
        }
    }

    /// <summary>Errors that go away once Redis is back: connection loss, timeouts, LOADING/BUSY/MASTERDOWN replies.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException or SocketException or ObjectDisposedException => true,
        RedisServerException s => s.Message.StartsWith("LOADING", StringComparison.Ordinal)
                                  || s.Message.StartsWith("BUSY", StringComparison.Ordinal)
                                  || s.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
                                  || s.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// A one-line cause. StackExchange.Redis's messages are long and generic, so for a dead endpoint we probe the
    /// socket ourselves and report what the kernel says ("Connection refused", "No such file or directory").
    /// </summary>
    private static string Cause(DbConnector connector, Exception e)
    {
        string? probe = EndpointProbe.Try(connector.Instance, connector.Endpoint.StartsWith("unix:", StringComparison.Ordinal));
        if (probe is not null)
            return probe;
        string message = e.Message;
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline > 0 ? message[..newline] : message;
    }
}
