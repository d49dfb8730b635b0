using System.Net.Sockets;
using System.Text;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration;

/// <summary>The published static binary: linkage, empty-root run, dispatch, flags, errors, syslog.</summary>
public sealed class StaticBinaryTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public void Binary_is_statically_linked_with_no_interpreter()
    {
        var file = Run.Process("file", ["-L", Repo.Binary]);
        Assert.Contains("statically linked", file.Stdout);
        var headers = Run.Process("readelf", ["-l", "-d", Repo.Binary]);
        Assert.DoesNotContain("INTERP", headers.Stdout);
        Assert.DoesNotContain("NEEDED", headers.Stdout);
    }

    [Fact]
    public void Runs_in_an_empty_root_holding_only_dev()
    {
        string root = Path.Combine(Path.GetTempPath(), "swssbox-chroot-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "dev"));
        try
        {
            File.Copy(Repo.Binary, Path.Combine(root, "swssbox"));
            Run.Process("chmod", ["755", Path.Combine(root, "swssbox")]);
            // /dev/null is the one node the runtime may open; make it rather than bind-mounting the host's /dev.
            Run.Process("mknod", ["-m", "666", Path.Combine(root, "dev/null"), "c", "1", "3"]);
            var result = Run.Process("chroot", [root, "/swssbox", "--version"]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.StartsWith("swssbox ", result.Stdout);
            Assert.Equal([Path.Combine(root, "swssbox")], Directory.GetFiles(root));
            var list = Run.Process("chroot", [root, "/swssbox", "--list"]);
            Assert.Contains("sonic-db-cli", list.Stdout);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Dispatches_on_argv0_and_on_the_first_argument()
    {
        var viaArgv0 = Run.Swssbox(["--help"], argv0: "/usr/bin/sonic-db-cli");
        Assert.Equal(0, viaArgv0.ExitCode);
        Assert.StartsWith("usage: sonic-db-cli", viaArgv0.Stdout);

        var viaVerb = Run.Swssbox(["sonic-db-cli", "--help"]);
        Assert.Equal(viaArgv0.Stdout, viaVerb.Stdout);

        string dir = Path.Combine(Path.GetTempPath(), "swssbox-link-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.CreateSymbolicLink(Path.Combine(dir, "swsstable"), Repo.Binary);
            var viaLink = Run.Process(Path.Combine(dir, "swsstable"), ["--version"]);
            Assert.Equal(0, viaLink.ExitCode);
            Assert.StartsWith("swsstable (swssbox) ", viaLink.Stdout);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Every_listed_tool_answers_help_and_version()
    {
        var list = Run.Swssbox(["--list"]);
        Assert.Equal(0, list.ExitCode);
        var tools = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        Assert.NotEmpty(tools);
        foreach (string tool in tools)
        {
            var help = Run.Swssbox([tool, "--help"]);
            Assert.True(help.ExitCode == 0 && help.Stdout.Contains("usage", StringComparison.OrdinalIgnoreCase), tool + ": " + help.Stderr);
            var version = Run.Swssbox([tool, "--version"]);
            Assert.True(version.ExitCode == 0 && version.Stdout.StartsWith(tool + " (swssbox) "), tool);
        }
    }

    [Fact]
    public void Unknown_tool_or_flag_prints_usage_on_stderr_and_exits_2()
    {
        var tool = Run.Swssbox(["no-such-tool"]);
        Assert.Equal(2, tool.ExitCode);
        Assert.Contains("unknown tool 'no-such-tool'", tool.Stderr);
        Assert.Contains("usage: swssbox", tool.Stderr);
        Assert.Empty(tool.Stdout);

        var flag = Run.Swssbox(["--frobnicate"]);
        Assert.Equal(2, flag.ExitCode);
        Assert.Contains("usage: swssbox", flag.Stderr);

        var toolFlag = Run.Swssbox(["swsstable", "--frobnicate"]);
        Assert.Equal(2, toolFlag.ExitCode);
        Assert.Contains("usage: swsstable", toolFlag.Stderr);
    }

    [Fact]
    public void Malformed_database_config_is_a_one_line_error_naming_file_and_line()
    {
        string path = Path.Combine(redis.Server.Directory, "broken.json");
        File.WriteAllText(path, "{\n  \"INSTANCES\": {\n    \"redis\": { \"port\": 6379, }\n  },\n  oops\n}\n");
        var result = Run.Swssbox(["sonic-db-cli", "-s", "APPL_DB", "PING"], new Dictionary<string, string> { ["SONIC_DB_CONFIG_FILE"] = path });
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sonic-db-cli: {path}:5: ", line);
    }

    [Fact]
    public void Unreachable_redis_is_a_one_line_error_naming_the_endpoint()
    {
        string sock = Path.Combine(redis.Server.Directory, "absent.sock");
        string path = Path.Combine(redis.Server.Directory, "absent.json");
        File.WriteAllText(path, RedisServer.DatabaseConfigJson(sock, 1));
        var result = Run.Swssbox(["sonic-db-cli", "-s", "CONFIG_DB", "HGETALL", "x"], new Dictionary<string, string> { ["SONIC_DB_CONFIG_FILE"] = path });
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"sonic-db-cli: redis at unix:{sock} (CONFIG_DB) is unreachable: No such file or directory", line);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), result.Elapsed.ToString());
    }

    [Fact]
    public void Sonic_db_cli_reads_and_writes_by_database_name()
    {
        var env = redis.Server.Environment;
        Assert.Equal("PONG\n", Run.Swssbox(["sonic-db-cli", "-s", "PING"], env).Stdout);
        Assert.Equal(0, Run.Swssbox(["sonic-db-cli", "-s", "CONFIG_DB", "HSET", "DEVICE_METADATA|localhost", "hwsku", "montara", "mac", "00:11:22:33:44:55"], env).ExitCode);
        Assert.Equal("{'hwsku': 'montara', 'mac': '00:11:22:33:44:55'}\n",
            Run.Swssbox(["sonic-db-cli", "-s", "CONFIG_DB", "HGETALL", "DEVICE_METADATA|localhost"], env).Stdout);
        Assert.Equal("montara\n", redis.Server.Cli("-n", "4", "HGET", "DEVICE_METADATA|localhost", "hwsku"));
        // TCP (the default without -s) reaches the same server through its loopback port.
        Assert.Equal("montara\n", Run.Swssbox(["sonic-db-cli", "CONFIG_DB", "HGET", "DEVICE_METADATA|localhost", "hwsku"], env).Stdout);
    }

    [Fact]
    public void Swsstable_produces_and_pops_through_the_state_table_protocol()
    {
        var env = redis.Server.Environment;
        Assert.Equal(0, Run.Swssbox(["swsstable", "-s", "set", "BIN_PORT_TABLE", "Ethernet8", "speed=100000", "mtu=9100"], env).ExitCode);
        Assert.Equal("Ethernet8", redis.Server.Cli("-n", "0", "SMEMBERS", "BIN_PORT_TABLE_KEY_SET").Trim());
        var pop = Run.Swssbox(["swsstable", "-s", "pop", "BIN_PORT_TABLE"], env);
        Assert.Equal("Ethernet8 SET speed=100000 mtu=9100\n", pop.Stdout);
        Assert.Equal("9100", redis.Server.Cli("-n", "0", "HGET", "BIN_PORT_TABLE:Ethernet8", "mtu").Trim());
    }

    [Fact]
    public void Logs_reach_a_syslog_datagram_socket_with_the_container_tag()
    {
        string path = Path.Combine(redis.Server.Directory, "log.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        var env = redis.Server.Environment;
        env["SWSSBOX_LOG_SOCKET"] = path;
        env["SWSSBOX_LOG_LEVEL_SWSSTABLE"] = "DEBUG";
        env["CONTAINER_NAME"] = "swss";
        var result = Run.Swssbox(["swsstable", "-s", "set", "LOG_TABLE", "k", "f=v"], env);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        var buffer = new byte[4096];
        listener.ReceiveTimeout = 5000;
        int n = listener.Receive(buffer);
        string datagram = Encoding.UTF8.GetString(buffer, 0, n);
        Assert.Matches(@"^<15>[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d swss#swsstable\[\d+\]: set LOG_TABLE k with 1 fields$", datagram);
    }
}
