using Serilog;
using Swssbox.Native;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.EnableCounters;

/// <summary>
/// enable_counters.py (docker-orchagent): after a delay that lets the ports come up (180 s when the system has been
/// up under 5 minutes, else 60 s), turns on the flex counter groups in CONFIG_DB FLEX_COUNTER_TABLE. A group an
/// operator already configured (its entry exists, e.g. FLEX_COUNTER_STATUS=disable) is kept, as current SONiC does
/// (201807 overwrote it).
/// </summary>
public sealed class CounterEnabler(DbConnector config, ILogger log)
{
    /// <summary>The groups 201807's script enables.</summary>
    public static readonly string[] Groups = ["PORT", "QUEUE", "PFCWD"];

    /// <summary>SONiC's delay for the current uptime.</summary>
    public static TimeSpan DefaultDelay()
    {
        long uptime = Libc.UptimeSeconds();
        return TimeSpan.FromSeconds(uptime >= 0 && uptime < 300 ? 180 : 60);
    }

    /// <summary>Waits <paramref name="delay"/>, then enables every group without an entry. Returns how many it set.</summary>
    public int Run(TimeSpan delay, CancellationToken stopping = default)
    {
        log.Information("enabling counters in {Seconds} s", delay.TotalSeconds);
        if (stopping.WaitHandle.WaitOne(delay))
            return 0;
        var table = new Table(config, "FLEX_COUNTER_TABLE");
        int set = 0;
        foreach (string group in Groups)
        {
            if (table.Get(group) is not null)
            {
                log.Information("FLEX_COUNTER_TABLE|{Group} already configured: kept", group);
                continue;
            }
            table.Set(group, [new FieldValue("FLEX_COUNTER_STATUS", "enable")]);
            set++;
        }
        log.Information("enabled {Count} counter groups", set);
        return set;
    }
}
