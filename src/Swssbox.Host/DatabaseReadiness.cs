using Swssbox.Sonic.Config;
using Swssbox.Sonic.Connection;

namespace Swssbox.Host;

/// <summary>
/// swss.service's ExecStartPre (201807) without docker exec: wait until Redis answers PING, then FLUSHDB the DBs
/// swss rebuilds on a cold start, by name from database_config.json. CONFIG_DB is never flushed.
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>APPL_DB (0), ASIC_DB (1), COUNTERS_DB (2), FLEX_COUNTER_DB (5), STATE_DB (6) in SONiC's layout.</summary>
    public static readonly IReadOnlyList<string> FlushedDatabases = ["APPL_DB", "ASIC_DB", "COUNTERS_DB", "FLEX_COUNTER_DB", "STATE_DB"];

    /// <summary>Waits at most <paramref name="limit"/> (doubling back-off capped at 1 s), then flushes; returns the wait time.</summary>
    public static TimeSpan WaitAndFlush(DatabaseConfig config, TimeSpan limit)
    {
        foreach (string name in FlushedDatabases)
        {
            var db = config.Get(name);
            if (config.Databases.Any(c => c.Name == "CONFIG_DB" && c.Id == db.Id && c.Instance == db.Instance))
                throw new HostException($"{config.Source}: {name} shares number {db.Id} with CONFIG_DB; refusing to flush it");
        }
        using var appl = DbConnector.Open(config, FlushedDatabases[0], retry: RetryPolicy.For(limit), clientName: "swssbox-wait-db");
        var waited = appl.WaitReady();
        foreach (string name in FlushedDatabases)
            appl.Flush(config.Get(name));
        return waited;
    }
}
