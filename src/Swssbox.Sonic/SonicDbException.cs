namespace Swssbox.Sonic;

/// <summary>Base of the database layer's errors; every message is one line that names file or endpoint.</summary>
public abstract class SonicDbException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>database_config.json is unreadable or wrong.</summary>
public sealed class DatabaseConfigException(string file, int? line, string detail)
    : SonicDbException(line is null ? $"{file}: {detail}" : $"{file}:{line}: {detail}")
{
    /// <summary>The file that was read.</summary>
    public string File { get; } = file;

    /// <summary>1-based line of the fault, when known.</summary>
    public int? Line { get; } = line;
}

/// <summary>Redis could not be reached (or kept failing) within the allowed time.</summary>
public sealed class RedisUnavailableException(string endpoint, string database, string cause, Exception? inner = null)
    : SonicDbException($"redis at {endpoint} ({database}) is unreachable: {cause}", inner)
{
    /// <summary>"unix:/path" or "host:port".</summary>
    public string Endpoint { get; } = endpoint;
}

/// <summary>Redis answered with an error we do not retry.</summary>
public sealed class RedisReplyException(string endpoint, string command, string reply, Exception? inner = null)
    : SonicDbException($"redis at {endpoint}: {command} failed: {reply}", inner);
