using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>portsyncd, the static binary, in a network namespace of its own against a private redis-server.</summary>
public sealed class PortSyncdTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly NetworkNamespace _ns = new();

    private static string Montara => Path.Combine(Repo.Shared, "fixtures/sonic/bfn/x86_64-accton_wedge100bf_32x-r0/montara/port_config.ini");

    private Daemon Start(string portConfig) =>
        new("portsyncd", ["-p", portConfig], _redis.Environment, _ns.Name);

    private string State(string key, string field) => _redis.Cli("-n", "6", "HGET", "PORT_TABLE|" + key, field).Trim();

    [Fact]
    public void Ports_of_a_bfn_port_config_appear_with_SONiC_keys_fields_and_PortConfigDone()
    {
        using var daemon = Start(Montara);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Wait.Until(() => ports.Get("PortConfigDone") is not null, "PortConfigDone", diagnostics: () => daemon.Output);

        Assert.Equal("32", ports.Field("PortConfigDone", "count"));
        Assert.Equal(33, ports.Entries.Count); // 32 ports + PortConfigDone; no PortInitDone without netdevs
        Assert.Equal(new Dictionary<string, string>
        {
            ["lanes"] = "0,1,2,3", ["alias"] = "Ethernet0", ["index"] = "1", ["speed"] = "100000", ["autoneg"] = "off", ["fec"] = "rs",
        }, ports.Get("Ethernet0"));
        Assert.Equal("124,125,126,127", ports.Field("Ethernet124", "lanes"));
        Assert.Null(ports.Get("PortInitDone"));
    }

    [Fact]
    public void Ready_is_notified_once_PortConfigDone_is_published()
    {
        string path = Path.Combine(_redis.Directory, "notify.sock");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 10000;
        var env = _redis.Environment;
        env["NOTIFY_SOCKET"] = path;
        using var daemon = new Daemon("portsyncd", ["-p", Montara], env, _ns.Name);
        var buffer = new byte[256];
        int n = socket.Receive(buffer);
        Assert.Equal("READY=1", System.Text.Encoding.UTF8.GetString(buffer, 0, n));
        Assert.Equal("32", _redis.Cli("HGET", "_PORT_TABLE:PortConfigDone", "count").Trim());
    }

    [Fact]
    public void The_201807_two_column_file_gives_lanes_and_alias_only()
    {
        string file = Path.Combine(Path.GetDirectoryName(Montara)!, "branch-201807/port_config.ini");
        using var daemon = Start(file);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Wait.Until(() => ports.Get("PortConfigDone") is not null, "PortConfigDone", diagnostics: () => daemon.Output);
        Assert.Equal(new Dictionary<string, string> { ["lanes"] = "4,5,6,7", ["alias"] = "Ethernet4" }, ports.Get("Ethernet4"));
    }

    [Fact]
    public void Netdevs_give_PortInitDone_and_link_up_down_changes_admin_and_oper_status()
    {
        string file = WritePortConfig("Ethernet0 0,1,2,3 Ethernet0 1 100000\nEthernet4 4,5,6,7 Ethernet4 2 100000\n");
        _ns.AddVeth("Ethernet0", "peer0");
        using var daemon = Start(file);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Wait.Until(() => State("Ethernet0", "state") == "ok", "STATE_DB PORT_TABLE|Ethernet0 state ok", diagnostics: () => daemon.Output);
        Assert.Equal("down", State("Ethernet0", "netdev_oper_status"));
        Assert.Equal("down", ports.Field("Ethernet0", "admin_status"));
        Assert.Null(ports.Get("PortInitDone")); // Ethernet4 has no netdev yet

        _ns.AddVeth("Ethernet4", "peer4");
        Wait.Until(() => ports.Get("PortInitDone") is not null, "PortInitDone", diagnostics: () => daemon.Output);
        Assert.Equal("0", ports.Field("PortInitDone", "lanes"));

        _ns.Ip("link", "set", "Ethernet0", "up");
        _ns.Ip("link", "set", "peer0", "up");
        Wait.Until(() => State("Ethernet0", "netdev_oper_status") == "up", "netdev_oper_status up", diagnostics: () => daemon.Output);
        Wait.Until(() => ports.Field("Ethernet0", "admin_status") == "up", "APPL admin_status up");
        Assert.Equal("up", State("Ethernet0", "admin_status"));

        _ns.Ip("link", "set", "Ethernet0", "mtu", "9100");
        Wait.Until(() => ports.Field("Ethernet0", "mtu") == "9100", "APPL mtu 9100");
        _ns.Ip("link", "set", "Ethernet0", "down");
        Wait.Until(() => State("Ethernet0", "netdev_oper_status") == "down" && ports.Field("Ethernet0", "admin_status") == "down",
            "oper and admin down", diagnostics: () => daemon.Output);

        _ns.Ip("link", "del", "Ethernet0");
        Wait.Until(() => _redis.Cli("-n", "6", "EXISTS", "PORT_TABLE|Ethernet0").Trim() == "0", "STATE_DB entry removed");
    }

    [Fact]
    public void Config_db_port_attributes_are_merged_and_later_edits_forwarded()
    {
        _redis.Cli("-n", "4", "HSET", "PORT|Ethernet0", "mtu", "9100", "admin_status", "up", "description", "uplink");
        string file = WritePortConfig("Ethernet0 0,1,2,3\n");
        _ns.AddVeth("Ethernet0", "peer0");
        using var daemon = Start(file);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Wait.Until(() => ports.Get("PortInitDone") is not null, "PortInitDone", diagnostics: () => daemon.Output);
        Assert.Equal("uplink", ports.Field("Ethernet0", "description"));
        Assert.Equal("0,1,2,3", ports.Field("Ethernet0", "lanes"));
        // The CONFIG_DB mtu reaches the netdev (201807's "ip link set Ethernet0 mtu 9100"), and comes back as its state.
        Wait.Until(() => _ns.Ip("link", "show", "Ethernet0").Contains(" mtu 9100 "), "netdev mtu 9100", diagnostics: () => daemon.Output);
        Wait.Until(() => State("Ethernet0", "mtu") == "9100", "STATE_DB mtu 9100");

        _redis.Cli("-n", "4", "HSET", "PORT|Ethernet0", "description", "to spine", "autoneg", "on", "adv_speeds", "100000", "speed", "40000");
        Wait.Until(() => ports.Field("Ethernet0", "description") == "to spine", "forwarded CONFIG_DB edit", diagnostics: () => daemon.Output);
        Assert.Equal("100000", ports.Field("Ethernet0", "adv_speeds"));
        Assert.NotEqual("40000", ports.Field("Ethernet0", "speed")); // autoneg on: forced speed is not pushed
    }

    [Fact]
    public void Survives_a_redis_restart_and_loses_no_link_change()
    {
        string file = WritePortConfig("Ethernet0 0,1,2,3\n");
        _ns.AddVeth("Ethernet0", "peer0");
        using var daemon = Start(file);
        Wait.Until(() => State("Ethernet0", "state") == "ok", "state ok", diagnostics: () => daemon.Output);

        _redis.Stop();
        _ns.Ip("link", "set", "Ethernet0", "up"); // happens while Redis is away
        _ns.Ip("link", "set", "peer0", "up");
        Thread.Sleep(500);
        _redis.Restart();

        Wait.Until(() => State("Ethernet0", "netdev_oper_status") == "up", "oper up after restart", TimeSpan.FromSeconds(20), () => daemon.Output);
        using var ports = new AppTableView(_redis, "PORT_TABLE");
        Wait.Until(() => ports.Field("Ethernet0", "admin_status") == "up", "APPL admin up after restart");
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public void A_bad_port_config_names_file_and_line_and_exits_1()
    {
        string file = WritePortConfig("Ethernet0 0,1,2,3\nEthernet4\n");
        var result = Run.Swssbox(["portsyncd", "-p", file], _redis.Environment, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:3: port Ethernet4 has no value for column 'lanes'", result.Stderr);
        Assert.Equal("0", _redis.Cli("EXISTS", "PORT_TABLE_KEY_SET").Trim()); // nothing published
    }

    private string WritePortConfig(string body)
    {
        string file = Path.Combine(_redis.Directory, "port_config.ini");
        File.WriteAllText(file, "# name lanes alias index speed\n" + body);
        return file;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ns.Dispose();
        _redis.Dispose();
    }
}
