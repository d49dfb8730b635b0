using StackExchange.Redis;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration;

/// <summary>ProducerStateTable/ConsumerStateTable against a real redis-server: exact keys, semantics, peers.</summary>
public sealed class TableProtocolTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly RedisServer _server = redis.Server;

    private DbConnector Appl() => DbConnector.Open(_server.Config, "APPL_DB", retry: RetryPolicy.For(TimeSpan.FromSeconds(10)));

    private static string Unique(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public void Producer_set_writes_the_swss_common_keys_and_publishes_once()
    {
        string table = Unique("PORT_TABLE");
        using var db = Appl();
        var received = new List<string>();
        var channel = db.Subscriber.Subscribe(RedisChannel.Literal(table + "_CHANNEL@0"));
        channel.OnMessage(m => { lock (received) received.Add(m.Message!); });
        var producer = new ProducerStateTable(db, table);

        producer.Set("Ethernet0", [new("speed", "100000"), new("mtu", "9100")]);
        producer.Set("Ethernet0", [new("mtu", "1500")]);

        Assert.Equal("Ethernet0", _server.Cli("-n", "0", "SMEMBERS", table + "_KEY_SET").Trim());
        Assert.Equal("speed\n100000\nmtu\n1500", _server.Cli("-n", "0", "HGETALL", "_" + table + ":Ethernet0").Trim());
        Assert.Equal("0", _server.Cli("-n", "0", "EXISTS", table + ":Ethernet0").Trim());
        SpinWait.SpinUntil(() => { lock (received) return received.Count >= 1; }, TimeSpan.FromSeconds(5));
        Thread.Sleep(100);
        lock (received)
            Assert.Equal(["G"], received); // the second set found the key pending: no second publish
    }

    [Fact]
    public void Producer_del_marks_the_del_set_and_drops_staged_fields()
    {
        string table = Unique("ROUTE_TABLE");
        using var db = Appl();
        var producer = new ProducerStateTable(db, table);
        producer.Set("10.0.0.0/24", [new("nexthop", "10.0.0.1")]);
        producer.Del("10.0.0.0/24");

        Assert.Equal("10.0.0.0/24", _server.Cli("-n", "0", "SMEMBERS", table + "_DEL_SET").Trim());
        Assert.Equal("0", _server.Cli("-n", "0", "EXISTS", "_" + table + ":10.0.0.0/24").Trim());
    }

    [Fact]
    public void Consumer_pops_deltas_into_the_table_and_reports_del_then_set()
    {
        string table = Unique("INTF_TABLE");
        using var db = Appl();
        using var consumer = new ConsumerStateTable(db, table);
        var producer = new ProducerStateTable(db, table);

        producer.Set("Ethernet4:10.0.0.1/31", [new("scope", "global"), new("family", "IPv4")]);
        Assert.True(consumer.WaitForData(TimeSpan.FromSeconds(5)));
        var first = Assert.Single(consumer.PopAll());
        Assert.Equal(TableOp.Set, first.Op);
        Assert.Equal([new FieldValue("scope", "global"), new FieldValue("family", "IPv4")], first.Fields);
        Assert.Equal("scope\nglobal\nfamily\nIPv4", _server.Cli("-n", "0", "HGETALL", table + ":Ethernet4:10.0.0.1/31").Trim());
        Assert.Equal("0", _server.Cli("-n", "0", "SCARD", table + "_KEY_SET").Trim());

        producer.Del("Ethernet4:10.0.0.1/31");
        producer.Set("Ethernet4:10.0.0.1/31", [new("family", "IPv4")]);
        var both = consumer.PopAll();
        Assert.Equal(2, both.Count);
        Assert.Equal(TableOp.Del, both[0].Op);
        Assert.Equal(TableOp.Set, both[1].Op);
        Assert.Equal("family\nIPv4", _server.Cli("-n", "0", "HGETALL", table + ":Ethernet4:10.0.0.1/31").Trim());

        producer.Del("Ethernet4:10.0.0.1/31");
        var gone = Assert.Single(consumer.PopAll());
        Assert.Equal(TableOp.Del, gone.Op);
        Assert.Equal("0", _server.Cli("-n", "0", "EXISTS", table + ":Ethernet4:10.0.0.1/31").Trim());
    }

    [Fact]
    public void Consumer_reads_what_a_peer_writes_with_raw_commands_in_swss_common_order()
    {
        // The peer is redis-cli doing exactly what swss-common's producer script does (staging hash, key set,
        // publish "G" on T_CHANNEL@db), so the consumer cannot depend on anything but the wire format.
        string table = Unique("NEIGH_TABLE");
        using var db = Appl();
        using var consumer = new ConsumerStateTable(db, table);
        _server.Cli("-n", "0", "HSET", "_" + table + ":Vlan1000:192.0.2.7", "neigh", "00:11:22:33:44:55", "family", "IPv4");
        _server.Cli("-n", "0", "SADD", table + "_KEY_SET", "Vlan1000:192.0.2.7");
        _server.Cli("-n", "0", "PUBLISH", table + "_CHANNEL@0", "G");

        Assert.True(consumer.WaitForData(TimeSpan.FromSeconds(5)));
        var update = Assert.Single(consumer.PopAll());
        Assert.Equal("Vlan1000:192.0.2.7", update.Key);
        Assert.Equal("00:11:22:33:44:55", update.Get("neigh"));
    }

    [Fact]
    public void Consumer_created_after_the_producer_still_sees_pending_updates()
    {
        string table = Unique("VLAN_TABLE");
        using var db = Appl();
        new ProducerStateTable(db, table).Set("Vlan1000", [new("admin_status", "up")]);
        using var consumer = new ConsumerStateTable(db, table);
        Assert.True(consumer.WaitForData(TimeSpan.Zero));
        Assert.Equal("Vlan1000", Assert.Single(consumer.PopAll()).Key);
    }

    [Fact]
    public void Buffered_batched_producer_delivers_every_key()
    {
        string table = Unique("BUF_TABLE");
        using var db = Appl();
        using var consumer = new ConsumerStateTable(db, table, popBatchSize: 1000);
        var producer = new ProducerStateTable(db, table, buffered: true);
        for (int i = 0; i < 3000; i++)
            producer.Set("k" + i, [new("v", i.ToString())]);
        producer.Set([("batch1", (IReadOnlyList<FieldValue>)[new FieldValue("a", "1")]), ("batch2", [new FieldValue("b", "2")])]);
        producer.Flush();
        var all = consumer.PopAll();
        Assert.Equal(3002, all.Count);
        Assert.Equal("2", all.Single(u => u.Key == "batch2").Get("b"));
    }

    [Fact]
    public void Redis_restart_mid_stream_loses_no_update()
    {
        string table = Unique("RESTART_TABLE");
        using var producerDb = DbConnector.Open(_server.Config, "APPL_DB", retry: RetryPolicy.Forever);
        using var consumerDb = DbConnector.Open(_server.Config, "APPL_DB", retry: RetryPolicy.Forever);
        using var consumer = new ConsumerStateTable(consumerDb, table);
        var producer = new ProducerStateTable(producerDb, table);
        const int total = 2000;
        var seen = new Dictionary<string, string>();
        var done = new ManualResetEventSlim();
        var consumerThread = new Thread(() =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                foreach (var u in consumer.Pops())
                    seen[u.Key] = u.Get("seq")!;
                if (seen.Count == total)
                    break;
                consumer.WaitForData(TimeSpan.FromMilliseconds(200));
            }
            done.Set();
        });
        consumerThread.Start();
        var restarter = new Thread(() => { Thread.Sleep(150); _server.Restart(TimeSpan.FromMilliseconds(300)); });
        restarter.Start();
        for (int i = 0; i < total; i++)
        {
            producer.Set("key" + i, [new("seq", i.ToString())]);
            if (i % 200 == 0)
                Thread.Sleep(20); // spread the stream across the restart
        }
        restarter.Join();
        Assert.True(done.Wait(TimeSpan.FromSeconds(70)), "consumer did not finish");
        Assert.Equal(total, seen.Count);
        for (int i = 0; i < total; i++)
            Assert.Equal(i.ToString(), seen["key" + i]);
    }

    [Fact]
    public void Subscriber_reports_existing_entries_then_changes_and_deletes()
    {
        string table = Unique("PORT");
        using var config = DbConnector.Open(_server.Config, "CONFIG_DB", retry: RetryPolicy.For(TimeSpan.FromSeconds(10)));
        var plain = new Table(config, table);
        plain.Set("Ethernet0", [new("speed", "100000")]);
        using var subscriber = new SubscriberStateTable(config, table);
        var initial = Assert.Single(subscriber.Pops());
        Assert.Equal(("Ethernet0", TableOp.Set, "100000"), (initial.Key, initial.Op, initial.Get("speed")));

        plain.HSet("Ethernet0", "mtu", "9100");
        Assert.True(subscriber.WaitForData(TimeSpan.FromSeconds(5)));
        var changed = subscriber.Pops().Last();
        Assert.Equal("9100", changed.Get("mtu"));
        Assert.Equal("100000", changed.Get("speed")); // the whole hash, as swss-common reports it

        plain.Del("Ethernet0");
        Assert.True(SpinWait.SpinUntil(() => subscriber.WaitForData(TimeSpan.FromMilliseconds(100)), TimeSpan.FromSeconds(5)));
        Assert.Contains(subscriber.Pops(), u => u.Key == "Ethernet0" && u.Op == TableOp.Del);
    }

    [Fact]
    public void Table_keys_are_table_separator_key_hashes()
    {
        string table = Unique("DEVICE_METADATA");
        using var config = DbConnector.Open(_server.Config, "CONFIG_DB", retry: RetryPolicy.For(TimeSpan.FromSeconds(10)));
        var t = new Table(config, table);
        t.Set("localhost", [new("hwsku", "montara"), new("platform", "x86_64-accton_wedge100bf_32x-r0")]);
        Assert.Equal("montara", _server.Cli("-n", "4", "HGET", table + "|localhost", "hwsku").Trim());
        Assert.Equal(["localhost"], t.Keys());
        Assert.Equal("x86_64-accton_wedge100bf_32x-r0", t.HGet("localhost", "platform"));
        t.Del("localhost");
        Assert.Null(t.Get("localhost"));
    }

    [Fact]
    public void Flush_by_name_empties_only_that_database()
    {
        using var appl = Appl();
        using var config = appl.OpenSibling("CONFIG_DB");
        new Table(appl, "FLUSH_ME").Set("k", [new("f", "v")]);
        new Table(config, "KEEP_ME").Set("k", [new("f", "v")]);
        appl.Flush();
        Assert.Equal("0", _server.Cli("-n", "0", "DBSIZE").Trim());
        Assert.Equal("v", _server.Cli("-n", "4", "HGET", "KEEP_ME|k", "f").Trim());
    }

    [Fact]
    public void Unreachable_redis_names_the_endpoint()
    {
        var json = RedisServer.DatabaseConfigJson(Path.Combine(_server.Directory, "nothing-here.sock"), 1);
        var config = Swssbox.Sonic.Config.DatabaseConfig.Parse(json, "test.json");
        using var db = DbConnector.Open(config, "APPL_DB", retry: RetryPolicy.For(TimeSpan.FromMilliseconds(300)));
        var e = Assert.Throws<Swssbox.Sonic.RedisUnavailableException>(() => db.WaitReady());
        Assert.Contains("nothing-here.sock", e.Message);
        Assert.Contains("(APPL_DB)", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
