using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>neighsyncd, the static binary, in its own network namespace against a private redis-server.</summary>
public sealed class NeighSyncdTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly NetworkNamespace _ns = new();

    public NeighSyncdTests()
    {
        _ns.AddVeth("Ethernet0", "peer0");
        _ns.Ip("link", "set", "Ethernet0", "up");
        _ns.Ip("link", "set", "peer0", "up");
    }

    private Daemon Start(params string[] args) =>
        new("neighsyncd", args.Length == 0 ? ["--restore-file", Path.Combine(_redis.Directory, "arp.json")] : args, _redis.Environment, _ns.Name);

    [Fact]
    public void Existing_and_new_neighbours_appear_and_removed_ones_disappear()
    {
        _ns.Ip("neigh", "add", "192.0.2.10", "lladdr", "02:00:00:00:00:0a", "dev", "Ethernet0", "nud", "permanent");
        using var daemon = Start();
        using var neighs = new AppTableView(_redis, "NEIGH_TABLE");
        Wait.Until(() => neighs.Get("Ethernet0:192.0.2.10") is not null, "dumped neighbour", diagnostics: () => daemon.Output);
        Assert.Equal(new Dictionary<string, string> { ["neigh"] = "02:00:00:00:00:0a", ["family"] = "IPv4" }, neighs.Get("Ethernet0:192.0.2.10"));

        _ns.Ip("neigh", "add", "2001:db8::10", "lladdr", "02:00:00:00:00:0b", "dev", "Ethernet0", "nud", "permanent");
        _ns.Ip("neigh", "add", "fe80::10", "lladdr", "02:00:00:00:00:0c", "dev", "Ethernet0", "nud", "permanent");
        Wait.Until(() => neighs.Get("Ethernet0:2001:db8::10") is not null, "IPv6 neighbour", diagnostics: () => daemon.Output);
        Assert.Equal(new Dictionary<string, string> { ["neigh"] = "02:00:00:00:00:0b", ["family"] = "IPv6" }, neighs.Get("Ethernet0:2001:db8::10"));

        _ns.Ip("neigh", "replace", "192.0.2.10", "lladdr", "02:00:00:00:00:aa", "dev", "Ethernet0", "nud", "permanent");
        Wait.Until(() => neighs.Field("Ethernet0:192.0.2.10", "neigh") == "02:00:00:00:00:aa", "changed MAC");

        _ns.Ip("neigh", "del", "192.0.2.10", "dev", "Ethernet0");
        _ns.Ip("neigh", "del", "2001:db8::10", "dev", "Ethernet0");
        Wait.Until(() => neighs.Entries.Count == 0, "both removed", diagnostics: () => string.Join(",", neighs.Entries.Keys));
        Assert.Null(neighs.Get("Ethernet0:fe80::10")); // link-local: never published
    }

    [Fact]
    public void A_restore_file_is_published_before_the_kernel_is_followed()
    {
        File.WriteAllText(Path.Combine(_redis.Directory, "arp.json"),
            """[{"NEIGH_TABLE:Vlan1000:192.0.2.50": {"neigh": "02:00:00:00:00:50", "family": "IPv4"}, "OP": "SET"}]""");
        using var daemon = Start();
        using var neighs = new AppTableView(_redis, "NEIGH_TABLE");
        Wait.Until(() => neighs.Get("Vlan1000:192.0.2.50") is not null, "restored neighbour", diagnostics: () => daemon.Output);
        Assert.Equal("02:00:00:00:00:50", neighs.Field("Vlan1000:192.0.2.50", "neigh"));
    }

    [Fact]
    public void Neighbours_added_while_redis_is_down_arrive_after_it_returns()
    {
        using var daemon = Start();
        using (var neighs = new AppTableView(_redis, "NEIGH_TABLE"))
        {
            _ns.Ip("neigh", "add", "198.51.100.1", "lladdr", "02:00:00:00:01:01", "dev", "Ethernet0", "nud", "permanent");
            Wait.Until(() => neighs.Get("Ethernet0:198.51.100.1") is not null, "first neighbour", diagnostics: () => daemon.Output);
        }
        _redis.Stop();
        _ns.IpBatch(Enumerable.Range(2, 50).Select(i => $"neigh add 198.51.100.{i} lladdr 02:00:00:00:01:{i:x2} dev Ethernet0 nud permanent"));
        _ns.Ip("neigh", "del", "198.51.100.1", "dev", "Ethernet0");
        Thread.Sleep(500);
        _redis.Restart();
        using var after = new AppTableView(_redis, "NEIGH_TABLE");
        Wait.Until(() => after.Entries.Count == 50 && after.Get("Ethernet0:198.51.100.1") is null, "all 50 after the restart",
            TimeSpan.FromSeconds(20), () => after.Entries.Count + " entries\n" + daemon.Output);
        Assert.False(daemon.HasExited);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ns.Dispose();
        _redis.Dispose();
    }
}
