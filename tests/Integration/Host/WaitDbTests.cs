using System.Diagnostics;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Host;

/// <summary>swss.sh wait-db against a private Redis: the five DBs flushed by name, CONFIG_DB kept, bounded wait.</summary>
public sealed class WaitDbTests : IDisposable
{
    private readonly RedisServer _redis = new();

    [Fact]
    public void Flushes_0_1_2_5_6_and_keeps_config_db()
    {
        foreach (int db in new[] { 0, 1, 2, 3, 4, 5, 6 })
            _redis.Cli("-n", db.ToString(), "SET", "marker", db.ToString());
        var r = Run.Swssbox(["swss.sh", "wait-db", "5"], _redis.Environment);
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (int db in new[] { 0, 1, 2, 5, 6 })
            Assert.Equal("0", _redis.Cli("-n", db.ToString(), "DBSIZE").Trim());
        Assert.Equal("4", _redis.Cli("-n", "4", "GET", "marker").Trim());
        Assert.Equal("3", _redis.Cli("-n", "3", "GET", "marker").Trim());
    }

    [Fact]
    public async Task Waits_for_a_late_redis_then_flushes()
    {
        _redis.Cli("-n", "0", "SET", "marker", "x");
        _redis.Stop();
        // Start the wrapper while Redis is down; bring Redis back 1 s later from this thread.
        var waiter = Task.Run(() => Run.Swssbox(["swss.sh", "wait-db", "20"], _redis.Environment));
        await Task.Delay(1000);
        _redis.Restart();
        var r = await waiter;
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("0", _redis.Cli("-n", "0", "DBSIZE").Trim());
    }

    [Fact]
    public void Gives_up_after_the_limit_with_the_endpoint_named()
    {
        _redis.Stop();
        var sw = Stopwatch.StartNew();
        var r = Run.Swssbox(["swss.sh", "wait-db", "1"], _redis.Environment);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"redis at unix:{_redis.SocketPath} (APPL_DB) is unreachable", r.Stderr);
        Assert.InRange(sw.Elapsed.TotalSeconds, 0.9, 10);
    }

    /// <inheritdoc />
    public void Dispose() => _redis.Dispose();
}
