using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Swssbox.Sonic.Config;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A private redis-server for tests: its own directory, unix socket and loopback port, never a system
/// instance. It saves on shutdown so <see cref="Restart"/> keeps the data, as SONiC's database does across
/// a redis restart with persistence.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    /// <summary>Starts a server in a fresh temporary directory.</summary>
    public RedisServer()
    {
        Directory = Path.Combine(Path.GetTempPath(), "swssbox-redis-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        Port = FreePort();
        ConfigFile = Path.Combine(Directory, "database_config.json");
        File.WriteAllText(ConfigFile, DatabaseConfigJson(SocketPath, Port));
        Config = DatabaseConfig.Load(ConfigFile);
        Start();
    }

    /// <summary>The server's working directory.</summary>
    public string Directory { get; }

    /// <summary>Its unix socket.</summary>
    public string SocketPath => Path.Combine(Directory, "redis.sock");

    /// <summary>Its loopback TCP port.</summary>
    public int Port { get; }

    /// <summary>A database_config.json naming this server with SONiC's single-ASIC layout.</summary>
    public string ConfigFile { get; }

    /// <summary>That config, parsed.</summary>
    public DatabaseConfig Config { get; }

    /// <summary>Environment for a child process that should use this server.</summary>
    public Dictionary<string, string> Environment => new() { ["SONIC_DB_CONFIG_FILE"] = ConfigFile };

    /// <summary>Stops (saving the dataset) and starts again on the same socket and port.</summary>
    public void Restart(TimeSpan? downFor = null)
    {
        Stop();
        if (downFor is { } pause)
            Thread.Sleep(pause);
        Start();
    }

    /// <summary>Stops the server with SIGTERM (it saves first) and waits for it.</summary>
    public void Stop()
    {
        if (_process is null)
            return;
        Fixtures.Run.Process("/bin/kill", ["-TERM", _process.Id.ToString()]);
        _process.WaitForExit(10000);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs redis-cli against the server (for assertions that read Redis directly).</summary>
    public string Cli(params string[] args) =>
        Fixtures.Run.Process("redis-cli", new[] { "-s", SocketPath }.Concat(args)).Stdout;

    private void Start()
    {
        var psi = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (var a in new[]
        {
            "--bind", "127.0.0.1", "--port", Port.ToString(), "--unixsocket", SocketPath, "--unixsocketperm", "777",
            "--dir", Directory, "--save", "3600 1", "--appendonly", "no", "--daemonize", "no", "--logfile", "redis.log",
            "--databases", "16",
        })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (File.Exists(SocketPath) && Fixtures.Run.Process("redis-cli", ["-s", SocketPath, "PING"]).Stdout.Trim() == "PONG")
                return;
            Thread.Sleep(20);
        }
        throw new InvalidOperationException("redis-server did not start: " + File.ReadAllText(Path.Combine(Directory, "redis.log")));
    }

    /// <summary>SONiC's single-ASIC database_config.json for a server at <paramref name="socket"/> and <paramref name="port"/>.</summary>
    public static string DatabaseConfigJson(string socket, int port) => $$"""
        {
          "INSTANCES": { "redis": { "hostname": "127.0.0.1", "port": {{port}}, "unix_socket_path": "{{socket}}" } },
          "DATABASES": {
            "APPL_DB": { "id": 0, "separator": ":", "instance": "redis" },
            "ASIC_DB": { "id": 1, "separator": ":", "instance": "redis" },
            "COUNTERS_DB": { "id": 2, "separator": ":", "instance": "redis" },
            "LOGLEVEL_DB": { "id": 3, "separator": ":", "instance": "redis" },
            "CONFIG_DB": { "id": 4, "separator": "|", "instance": "redis" },
            "FLEX_COUNTER_DB": { "id": 5, "separator": ":", "instance": "redis" },
            "STATE_DB": { "id": 6, "separator": "|", "instance": "redis" }
          },
          "VERSION": "1.0"
        }
        """;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _process?.Kill();
            _process?.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process?.Dispose();
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
    }
}
