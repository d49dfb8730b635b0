using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Daemons;

/// <summary>enable_counters, the static binary, against a private redis-server.</summary>
public sealed class EnableCountersTests : IDisposable
{
    private readonly RedisServer _redis = new();

    [Fact]
    public void After_the_delay_enables_port_queue_pfcwd_and_keeps_operator_entries()
    {
        _redis.Cli("-n", "4", "HSET", "FLEX_COUNTER_TABLE|QUEUE", "FLEX_COUNTER_STATUS", "disable");
        using var daemon = new Daemon("enable_counters", ["--delay", "1.5"], _redis.Environment);
        Thread.Sleep(700);
        Assert.Equal("0", _redis.Cli("-n", "4", "EXISTS", "FLEX_COUNTER_TABLE|PORT").Trim()); // still waiting
        Assert.Equal(0, daemon.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal("enable", _redis.Cli("-n", "4", "HGET", "FLEX_COUNTER_TABLE|PORT", "FLEX_COUNTER_STATUS").Trim());
        Assert.Equal("enable", _redis.Cli("-n", "4", "HGET", "FLEX_COUNTER_TABLE|PFCWD", "FLEX_COUNTER_STATUS").Trim());
        Assert.Equal("disable", _redis.Cli("-n", "4", "HGET", "FLEX_COUNTER_TABLE|QUEUE", "FLEX_COUNTER_STATUS").Trim());
    }

    [Fact]
    public void A_redis_restart_during_the_delay_loses_nothing()
    {
        using var daemon = new Daemon("enable_counters", ["--delay", "1"], _redis.Environment);
        Thread.Sleep(300);
        _redis.Stop();
        Thread.Sleep(1500); // the delay ends while Redis is away
        _redis.Restart();
        Assert.Equal(0, daemon.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal("enable", _redis.Cli("-n", "4", "HGET", "FLEX_COUNTER_TABLE|PORT", "FLEX_COUNTER_STATUS").Trim());
        Assert.Equal("enable", _redis.Cli("-n", "4", "HGET", "FLEX_COUNTER_TABLE|QUEUE", "FLEX_COUNTER_STATUS").Trim());
    }

    [Fact]
    public void A_bad_delay_is_a_usage_error()
    {
        var r = Run.Swssbox(["enable_counters", "--delay", "soon"], _redis.Environment);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--delay needs a number of seconds, found 'soon'", r.Stderr);
    }

    /// <inheritdoc />
    public void Dispose() => _redis.Dispose();
}
