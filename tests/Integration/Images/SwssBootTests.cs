using System.Diagnostics;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Images;

/// <summary>
/// The whole container chain on the real engine: docker-database serves Redis on a bind-mounted /var/run/redis,
/// CONFIG_DB is loaded from a real T0 config_db.json, and docker-orchagent-bfn runs with SONiC's flags
/// (--net=host, caps instead of --privileged, the hwsku mount). Our supervisord is PID 1, start.sh renders the
/// templates from CONFIG_DB and starts every program the image has, swssconfig applies the rendered JSON once
/// /ready appears, and docker stop ends it all cleanly. The daemons only read netlink on the host network.
/// </summary>
public sealed class SwssBootTests(ImageFixture images) : IClassFixture<ImageFixture>, IDisposable
{
    private readonly List<string> _containers = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-boot-").FullName;

    [Fact]
    public void Swss_container_boots_renders_starts_every_program_and_stops_cleanly()
    {
        string redisDir = Path.Combine(_dir, "redis");
        Directory.CreateDirectory(redisDir);
        string db = Container("database");
        Docker.Run(["run", "-d", "--name", db, "--net=none", "-v", $"{redisDir}:/var/run/redis:rw", images.Database.Reference]);
        string sock = Path.Combine(redisDir, "redis.sock");
        Wait.Until(() => File.Exists(sock) && Run.Process("redis-cli", ["-s", sock, "PING"]).Stdout.Trim() == "PONG", "database PING", TimeSpan.FromSeconds(10));

        // CONFIG_DB as the host's config-setup leaves it: a real T0 config, then CONFIG_DB_INITIALIZED.
        string dbConfig = Path.Combine(_dir, "database_config.json");
        File.WriteAllText(dbConfig, RedisServer.DatabaseConfigJson(sock, 6379));
        var env = new Dictionary<string, string> { ["SONIC_DB_CONFIG_FILE"] = dbConfig };
        string t0 = Path.Combine(Repo.Shared, "fixtures/sonic/config_db/t0-rsyslog-test.config_db.json");
        var load = Run.Swssbox(["sonic-cfggen", "-s", sock, "-j", t0, "--write-to-db"], env);
        Assert.True(load.ExitCode == 0, load.Stderr);
        Run.Process("redis-cli", ["-s", sock, "-n", "4", "SET", "CONFIG_DB_INITIALIZED", "1"]);

        string hwsku = Path.Combine(_dir, "montara");
        Directory.CreateDirectory(hwsku);
        File.Copy(Path.Combine(Repo.Shared, "fixtures/sonic/bfn/x86_64-accton_wedge100bf_32x-r0/montara/port_config.ini"), Path.Combine(hwsku, "port_config.ini"));

        string swss = Container("swss");
        var sw = Stopwatch.StartNew();
        Docker.Run(["run", "-d", "--name", swss, "--net=host", "--cap-add=NET_ADMIN", "--cap-add=NET_RAW",
            "-v", $"{redisDir}:/var/run/redis:rw", "-v", $"{hwsku}:/usr/share/sonic/hwsku:ro",
            "--tmpfs", "/tmp", "--tmpfs", "/var/tmp", images.Orchagent.Reference]);
        string[] daemons = ["portsyncd", "intfsyncd", "neighsyncd", "enable_counters"];
        Wait.Until(() => daemons.All(d => Status(swss).Contains($"{d} RUNNING")), "all daemons RUNNING", TimeSpan.FromSeconds(15));
        var booted = sw.Elapsed;

        string pid = Docker.Run(["inspect", "-f", "{{.State.Pid}}", swss]).Stdout.Trim();
        Assert.StartsWith("/usr/bin/supervisord", File.ReadAllText($"/proc/{pid}/cmdline"));
        Assert.Contains("start.sh EXITED", Status(swss));

        // Rendered from CONFIG_DB: the T0's ports, with their speeds, as swssconfig JSON.
        string ports = Docker.Run(["cp", $"{swss}:/etc/swss/config.d/ports.json", "-"]).Stdout;
        Assert.Contains("\"PORT_TABLE:Ethernet0\"", ports);
        // portsyncd published the hwsku's ports from port_config.ini. No orchagent consumes them in this image yet,
        // so they wait where a ProducerStateTable leaves them: the staging hash and the key set.
        Assert.Equal("0,1,2,3", Run.Process("redis-cli", ["-s", sock, "-n", "0", "HGET", "_PORT_TABLE:Ethernet0", "lanes"]).Stdout.Trim());
        Assert.Equal("32", Run.Process("redis-cli", ["-s", sock, "-n", "0", "HGET", "_PORT_TABLE:PortConfigDone", "count"]).Stdout.Trim());
        Assert.Equal("1", Run.Process("redis-cli", ["-s", sock, "-n", "0", "SISMEMBER", "PORT_TABLE_KEY_SET", "Ethernet0"]).Stdout.Trim());

        // swssconfig waits for the host's /ready, then applies the rendered files and exits.
        string ready = Path.Combine(_dir, "ready");
        File.WriteAllText(ready, "");
        Docker.Run(["cp", ready, $"{swss}:/ready"]);
        Wait.Until(() => Status(swss).Contains("swssconfig EXITED"), "swssconfig EXITED", TimeSpan.FromSeconds(10));
        Assert.Equal("ToRRouter", Run.Process("redis-cli", ["-s", sock, "-n", "4", "HGET", "DEVICE_METADATA|localhost", "type"]).Stdout.Trim());
        Wait.Until(() => Run.Process("redis-cli", ["-s", sock, "-n", "0", "HGET", "_SWITCH_TABLE:switch", "ecmp_hash_seed"]).Stdout.Trim() == "0",
            "SWITCH_TABLE:switch applied", TimeSpan.FromSeconds(5));

        var stop = Stopwatch.StartNew();
        Docker.Run(["stop", "-t", "10", swss]);
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(1), $"docker stop took {stop.Elapsed}");
        Assert.Equal("0", Docker.Run(["inspect", "-f", "{{.State.ExitCode}}", swss]).Stdout.Trim());
        Assert.True(booted < TimeSpan.FromSeconds(15), booted.ToString());
    }

    /// <summary>supervisorctl status inside the container, columns collapsed to "name STATE".</summary>
    private static string Status(string container)
    {
        var r = Docker.Run(["exec", container, "/usr/bin/supervisorctl", "status"], check: false);
        return string.Join('\n', r.Stdout.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))));
    }

    private string Container(string what)
    {
        string name = Docker.UniqueName(what);
        _containers.Add(name);
        return name;
    }

    public void Dispose()
    {
        Docker.RemoveContainers([.. _containers]);
        Run.Process("rm", ["-rf", _dir]);
    }
}
