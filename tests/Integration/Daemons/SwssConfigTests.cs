using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>swssconfig, the static binary, against a private redis-server.</summary>
public sealed class SwssConfigTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private string ConfigDir => Path.Combine(_redis.Directory, "config.d");
    private string ReadyFile => Path.Combine(_redis.Directory, "ready");

    public SwssConfigTests() => Directory.CreateDirectory(ConfigDir);

    // What start.sh renders from switch.json.j2, ipinip.json.j2 and ports.json.j2 (201807) for a T1 with one port.
    private const string SwitchJson = """
        [
            {
                "SWITCH_TABLE:switch": {
                    "ecmp_hash_seed": "10",
                    "lag_hash_seed": "10"
                },
                "OP": "SET"
            }
        ]
        """;

    private const string IpinipJson = """
        [
            {
                "TUNNEL_DECAP_TABLE:IPINIP_TUNNEL" : {
                    "tunnel_type":"IPINIP",
                    "dst_ip":"192.0.2.1,198.51.100.1",
                    "src_ip":"192.0.2.1",
                    "dscp_mode":"pipe",
                    "ecn_mode":"copy_from_outer",
                    "ttl_mode":"pipe"
                },
                "OP": "SET"
            }
        ]
        """;

    private const string PortsJson = """
        [
            {
                "PORT_TABLE:Ethernet0": {
                    "speed": 100000,
                    "description": "ARISTA01T2:Ethernet1"
                },
                "OP": "SET"
            }
        ]
        """;

    [Fact]
    public void Waits_for_ready_then_applies_the_rendered_switch_ipinip_and_ports_files()
    {
        File.WriteAllText(Path.Combine(ConfigDir, "switch.json"), SwitchJson);
        File.WriteAllText(Path.Combine(ConfigDir, "ipinip.json"), IpinipJson);
        File.WriteAllText(Path.Combine(ConfigDir, "ports.json"), PortsJson);
        using var daemon = new Daemon("swssconfig", ["--ready", ReadyFile, "--config-dir", ConfigDir], _redis.Environment);
        Thread.Sleep(500);
        Assert.False(daemon.HasExited);
        Assert.Equal("0", _redis.Cli("EXISTS", "SWITCH_TABLE_KEY_SET").Trim()); // nothing before /ready

        File.WriteAllText(ReadyFile, "");
        Assert.Equal(0, daemon.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.False(File.Exists(ReadyFile)); // consumed, as swssconfig.sh does

        using var sw = new AppTableView(_redis, "SWITCH_TABLE");
        Assert.Equal(new Dictionary<string, string> { ["ecmp_hash_seed"] = "10", ["lag_hash_seed"] = "10" }, sw.Get("switch"));
        using var tunnel = new AppTableView(_redis, "TUNNEL_DECAP_TABLE");
        Assert.Equal("192.0.2.1,198.51.100.1", tunnel.Field("IPINIP_TUNNEL", "dst_ip"));
        Assert.Equal(6, tunnel.Get("IPINIP_TUNNEL")!.Count);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Assert.Equal(new Dictionary<string, string> { ["speed"] = "100000", ["description"] = "ARISTA01T2:Ethernet1" }, ports.Get("Ethernet0"));
    }

    [Fact]
    public void On_fast_reboot_the_saved_state_is_applied_first_and_removed()
    {
        File.WriteAllText(Path.Combine(ConfigDir, "switch.json"), SwitchJson);
        string saved = Path.Combine(_redis.Directory, "fast");
        Directory.CreateDirectory(saved);
        File.WriteAllText(Path.Combine(saved, "arp.json"),
            """[{"NEIGH_TABLE:Vlan1000:192.0.2.5": {"neigh": "02:00:00:00:00:05", "family": "IPv4"}, "OP": "SET"}]""");
        File.WriteAllText(Path.Combine(saved, "default_routes.json"),
            """[{"ROUTE_TABLE:0.0.0.0/0": {"nexthop": "192.0.2.1", "ifname": "Ethernet0"}, "OP": "SET"}]""");
        string cmdline = Path.Combine(_redis.Directory, "cmdline");
        File.WriteAllText(cmdline, "BOOT_IMAGE=/image/boot/vmlinuz root=UUID=x fast-reboot quiet\n");
        File.WriteAllText(ReadyFile, "");
        var r = Run.Swssbox(["swssconfig", "--ready", ReadyFile, "--config-dir", ConfigDir, "--cmdline", cmdline, "--fast-reboot-dir", saved],
            _redis.Environment, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(0, r.ExitCode);
        using var neighs = new AppTableView(_redis, "NEIGH_TABLE");
        Assert.Equal("02:00:00:00:00:05", neighs.Field("Vlan1000:192.0.2.5", "neigh"));
        using var routes = new AppTableView(_redis, "ROUTE_TABLE");
        Assert.Equal("192.0.2.1", routes.Field("0.0.0.0/0", "nexthop"));
        Assert.Empty(Directory.GetFiles(saved)); // consumed, as swssconfig.sh removes them
        using var sw = new AppTableView(_redis, "SWITCH_TABLE");
        Assert.NotNull(sw.Get("switch"));
    }

    [Fact]
    public void Del_entries_apply_in_list_order()
    {
        string file = Write("order.json", """
            [ {"ROUTE_TABLE:192.0.2.0/24": {"nexthop": "198.51.100.1", "ifname": "Ethernet0"}, "OP": "SET"},
              {"ROUTE_TABLE:192.0.2.0/24": {}, "OP": "DEL"},
              {"ROUTE_TABLE:198.51.100.0/24": {"nexthop": "192.0.2.1", "ifname": "Ethernet4"}, "OP": "SET"} ]
            """);
        var r = Run.Swssbox(["swssconfig", file], _redis.Environment);
        Assert.Equal(0, r.ExitCode);
        using var routes = new AppTableView(_redis, "ROUTE_TABLE");
        Assert.Equal(["198.51.100.0/24"], routes.Entries.Keys.ToArray());
    }

    [Theory]
    [InlineData("""[{"SWITCH_TABLE:switch": {"a": "1"}, "OP": "SET"}, {"SWITCH_TABLE:x": {"a": "1"} "OP": "SET"}]""", ":1:", "invalid JSON")]
    [InlineData("[\n  {\"SWITCH_TABLE:switch\": {\"a\": \"1\"}, \"OP\": \"SET\"},\n  {\"SWITCH_TABLE:x\": {\"a\": \"1\"}, \"OP\": \"UPDATE\"}\n]", ":3:3: element 1: Invalid operation 'UPDATE'", "")]
    [InlineData("""[{"SWITCH_TABLE:switch": {"a": "1"}, "OP": "SET"}, {"SWITCH_TABLE:x": {"a": "1"}}]""", ":1:", "Child elements must have both key and op entry")]
    [InlineData("""{"SWITCH_TABLE:switch": {"a": "1"}, "OP": "SET"}""", ":1:1: Root element must be an array", "")]
    public void A_bad_file_is_reported_with_position_and_nothing_of_it_is_applied(string json, string position, string reason)
    {
        string file = Write("bad.json", json);
        var r = Run.Swssbox(["swssconfig", file], _redis.Environment);
        Assert.Equal(1, r.ExitCode);
        // The last line is the tool's own message (lines before it are the syslog fallback on stderr).
        string message = r.Stderr.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("swssconfig: " + file + position, message);
        Assert.Contains(reason, message);
        Assert.Equal("0", _redis.Cli("EXISTS", "SWITCH_TABLE_KEY_SET").Trim()); // the valid first element was not applied
    }

    [Fact]
    public void Waits_for_redis_when_it_is_not_there_yet()
    {
        string file = Write("switch.json", SwitchJson);
        _redis.Stop();
        using var daemon = new Daemon("swssconfig", [file], _redis.Environment);
        Thread.Sleep(700);
        Assert.False(daemon.HasExited);
        _redis.Restart();
        Assert.Equal(0, daemon.WaitForExit(TimeSpan.FromSeconds(20)));
        using var sw = new AppTableView(_redis, "SWITCH_TABLE");
        Assert.Equal("10", sw.Field("switch", "ecmp_hash_seed"));
    }

    private string Write(string name, string json)
    {
        string file = Path.Combine(_redis.Directory, name);
        File.WriteAllText(file, json);
        return file;
    }

    /// <inheritdoc />
    public void Dispose() => _redis.Dispose();
}
