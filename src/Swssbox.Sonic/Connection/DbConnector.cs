using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Swssbox.Sonic.Config;

namespace Swssbox.Sonic.Connection;

/// <summary>
/// A connection to one named SONiC database (swss-common DBConnector): the Redis instance from database_config.json,
/// over its unix socket unless TCP is asked for, with every call retried across Redis restarts per <see cref="Retry"/>.
/// </summary>
public sealed class DbConnector : IDisposable
{
    private readonly ConnectionMultiplexer _mux;

    private DbConnector(DatabaseConfig config, DatabaseInfo db, RedisInstance instance, bool tcp, ConnectionMultiplexer mux, RetryPolicy retry)
    {
        Config = config;
        Info = db;
        Instance = instance;
        Endpoint = instance.Describe(tcp);
        _mux = mux;
        Retry = retry;
        Database = mux.GetDatabase(db.Id);
    }

    /// <summary>The layout this connection was opened from.</summary>
    public DatabaseConfig Config { get; }

    /// <summary>Name, id and separator of the DB.</summary>
    public DatabaseInfo Info { get; }

    /// <summary>The Redis instance serving it.</summary>
    public RedisInstance Instance { get; }

    /// <summary>"unix:/path" or "host:port", for messages.</summary>
    public string Endpoint { get; }

    /// <summary>How long calls keep retrying while Redis is away.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>Redis DB number.</summary>
    public int Id => Info.Id;

    /// <summary>Key separator between table name and key ("|" for CONFIG_DB and STATE_DB, ":" elsewhere).</summary>
    public string Separator => Info.Separator;

    /// <summary>The StackExchange.Redis handle bound to this DB number.</summary>
    public IDatabase Database { get; }

    /// <summary>Pub/sub for channels and keyspace notifications; resubscribes by itself after reconnects.</summary>
    public ISubscriber Subscriber => _mux.GetSubscriber();

    /// <summary>
    /// Opens the DB called <paramref name="name"/>. It does not wait for Redis: the first call (or <see cref="WaitReady"/>)
    /// does, under <paramref name="retry"/> (default: <see cref="RetryPolicy.Forever"/>).
    /// </summary>
    public static DbConnector Open(DatabaseConfig config, string name, bool tcp = false, RetryPolicy? retry = null, string? clientName = null)
    {
        DatabaseInfo db = config.Resolve(name);
        RedisInstance instance = config.InstanceOf(db);
        retry ??= RetryPolicy.Forever;
        // A bounded policy (command-line tools) must not sit in StackExchange.Redis's 5 s default timeout.
        int timeoutMs = retry.GiveUpAfter == Timeout.InfiniteTimeSpan ? 5000 : (int)Math.Clamp(retry.GiveUpAfter.TotalMilliseconds, 100, 5000);
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            AllowAdmin = true,
            ConnectTimeout = timeoutMs,
            SyncTimeout = timeoutMs,
            AsyncTimeout = timeoutMs,
            ConnectRetry = 1,
            DefaultDatabase = db.Id,
            ReconnectRetryPolicy = new LinearRetry(100),
            ClientName = clientName ?? "swssbox",
            IncludeDetailInExceptions = false,
        };
        options.EndPoints.Add(EndPointOf(instance, tcp));
        var mux = ConnectionMultiplexer.Connect(options);
        return new DbConnector(config, db, instance, tcp, mux, retry);
    }

    /// <summary>Opens <paramref name="name"/> from the layout SONiC would use here (<see cref="DatabaseConfig.FromEnvironment"/>).</summary>
    public static DbConnector Open(string name, bool tcp = false, RetryPolicy? retry = null, string? clientName = null) =>
        Open(DatabaseConfig.FromEnvironment(), name, tcp, retry, clientName);

    /// <summary>Another DB on the same layout, same transport and policy.</summary>
    public DbConnector OpenSibling(string name) =>
        Open(Config, name, tcp: !Endpoint.StartsWith("unix:", StringComparison.Ordinal), Retry);

    /// <summary>Waits until Redis answers PING (and is not loading), within <see cref="Retry"/>.</summary>
    public TimeSpan WaitReady()
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        Run("PING", db => db.Ping());
        return System.Diagnostics.Stopwatch.GetElapsedTime(start);
    }

    /// <summary>FLUSHDB on this DB.</summary>
    public void Flush() => Flush(Info);

    /// <summary>FLUSHDB on <paramref name="other"/>, a DB of the same instance, over this connection (no new socket).</summary>
    public void Flush(DatabaseInfo other)
    {
        if (other.Instance != Info.Instance)
            throw new DatabaseConfigException(Config.Source, null, $"{other.Name} is on instance \"{other.Instance}\", not \"{Info.Instance}\"");
        RedisRetry.Run(this, "FLUSHDB " + other.Name, () => { _mux.GetDatabase(other.Id).Execute("FLUSHDB"); return true; });
    }

    /// <summary>Runs a command under the retry policy; see <see cref="RedisRetry"/>.</summary>
    public T Run<T>(string what, Func<IDatabase, T> call) => RedisRetry.Run(this, what, () => call(Database));

    /// <summary>Runs a command under the retry policy.</summary>
    public void Run(string what, Action<IDatabase> call) => RedisRetry.Run(this, what, () => { call(Database); return true; });

    /// <summary>Whether the multiplexer currently has a live connection.</summary>
    public bool IsConnected => _mux.IsConnected;

    internal ConnectionMultiplexer Multiplexer => _mux;

    private static EndPoint EndPointOf(RedisInstance instance, bool tcp)
    {
        if (!tcp && instance.UnixSocketPath is { Length: > 0 } path)
            return new UnixDomainSocketEndPoint(path);
        // An IP literal avoids getaddrinfo, which a static binary can only do through /etc/hosts.
        return IPAddress.TryParse(instance.Hostname, out var ip)
            ? new IPEndPoint(ip, instance.Port)
            : new DnsEndPoint(instance.Hostname, instance.Port);
    }

    /// <inheritdoc />
    public void Dispose() => _mux.Dispose();
}
