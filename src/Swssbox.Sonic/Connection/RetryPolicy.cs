namespace Swssbox.Sonic.Connection;

/// <summary>
/// How long an operation keeps retrying while Redis is down or loading. Daemons wait forever (a restarted
/// database must not lose their updates); command-line tools give up quickly with a clear error.
/// </summary>
public sealed record RetryPolicy(TimeSpan GiveUpAfter, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Retry forever with back-off capped at one second.</summary>
    public static RetryPolicy Forever { get; } = new(Timeout.InfiniteTimeSpan, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1));

    /// <summary>For tools: give up after one second.</summary>
    public static RetryPolicy Brief { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(250));

    /// <summary>Give up after <paramref name="limit"/>.</summary>
    public static RetryPolicy For(TimeSpan limit) => new(limit, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1));

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based): doubling, capped.</summary>
    public TimeSpan Delay(int attempt)
    {
        double ms = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}
