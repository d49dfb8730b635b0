namespace Swssbox.Sonic.Config;

/// <summary>One entry of database_config.json's DATABASES: name, Redis DB number, key separator and instance.</summary>
public sealed record DatabaseInfo(string Name, int Id, string Separator, string Instance);

/// <summary>One entry of INSTANCES: where a redis-server listens.</summary>
public sealed record RedisInstance(string Name, string? UnixSocketPath, string Hostname, int Port)
{
    /// <summary>The endpoint as we name it in messages: "unix:/path" or "host:port".</summary>
    public string Describe(bool tcp) =>
        !tcp && UnixSocketPath is { Length: > 0 } path ? "unix:" + path : $"{Hostname}:{Port}";
}
