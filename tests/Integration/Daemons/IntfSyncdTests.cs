using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>intfsyncd, the static binary, in its own network namespace against a private redis-server.</summary>
public sealed class IntfSyncdTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly NetworkNamespace _ns = new();

    public IntfSyncdTests()
    {
        _ns.AddVeth("Ethernet0", "peer0");
        _ns.AddVeth("Loopback0", "peerlo");
        _ns.Ip("link", "set", "Ethernet0", "up"); // up: the kernel adds an fe80:: address, which must be skipped
        _ns.Ip("link", "set", "peer0", "up");
    }

    [Fact]
    public void Addresses_appear_and_disappear_with_SONiC_keys_and_skips()
    {
        _ns.Ip("addr", "add", "192.0.2.1/24", "dev", "Ethernet0");
        using var daemon = new Daemon("intfsyncd", [], _redis.Environment, _ns.Name);
        using var intfs = new AppTableView(_redis, "INTF_TABLE");
        Wait.Until(() => intfs.Get("Ethernet0:192.0.2.1/24") is not null, "dumped address", diagnostics: () => daemon.Output);
        Assert.Equal(new Dictionary<string, string> { ["scope"] = "global", ["family"] = "IPv4" }, intfs.Get("Ethernet0:192.0.2.1/24"));

        _ns.Ip("addr", "add", "2001:db8::1/64", "dev", "Ethernet0", "nodad");
        _ns.Ip("addr", "add", "198.51.100.1/32", "dev", "Loopback0");
        _ns.Ip("addr", "add", "198.51.100.9/24", "dev", "peer0"); // not a SONiC interface name
        Wait.Until(() => intfs.Get("Ethernet0:2001:db8::1/64") is not null && intfs.Get("Loopback0:198.51.100.1") is not null,
            "IPv6 and loopback addresses", diagnostics: () => string.Join(",", intfs.Entries.Keys) + "\n" + daemon.Output);
        Assert.Equal(new Dictionary<string, string> { ["scope"] = "global", ["family"] = "IPv6" }, intfs.Get("Ethernet0:2001:db8::1/64"));
        Thread.Sleep(300);
        Assert.Equal(["Ethernet0:192.0.2.1/24", "Ethernet0:2001:db8::1/64", "Loopback0:198.51.100.1"],
            intfs.Entries.Keys.Order(StringComparer.Ordinal).ToArray()); // no fe80::, nothing on peer0

        _ns.Ip("addr", "del", "192.0.2.1/24", "dev", "Ethernet0");
        _ns.Ip("addr", "del", "2001:db8::1/64", "dev", "Ethernet0");
        Wait.Until(() => intfs.Get("Ethernet0:192.0.2.1/24") is null && intfs.Get("Ethernet0:2001:db8::1/64") is null, "removed addresses");
    }

    [Fact]
    public void Addresses_added_while_redis_is_down_arrive_after_it_returns()
    {
        using var daemon = new Daemon("intfsyncd", [], _redis.Environment, _ns.Name);
        using (var intfs = new AppTableView(_redis, "INTF_TABLE"))
        {
            _ns.Ip("addr", "add", "192.0.2.1/24", "dev", "Ethernet0");
            Wait.Until(() => intfs.Get("Ethernet0:192.0.2.1/24") is not null, "first address", diagnostics: () => daemon.Output);
        }
        _redis.Stop();
        _ns.Ip("addr", "add", "2001:db8:1::1/64", "dev", "Ethernet0", "nodad");
        _ns.Ip("addr", "del", "192.0.2.1/24", "dev", "Ethernet0");
        Thread.Sleep(500);
        _redis.Restart();
        using var after = new AppTableView(_redis, "INTF_TABLE");
        Wait.Until(() => after.Get("Ethernet0:2001:db8:1::1/64") is not null && after.Get("Ethernet0:192.0.2.1/24") is null,
            "changes made while Redis was down", TimeSpan.FromSeconds(20), () => daemon.Output);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ns.Dispose();
        _redis.Dispose();
    }
}
