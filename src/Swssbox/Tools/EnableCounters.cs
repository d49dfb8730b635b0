using System.Globalization;
using Swssbox.Daemons.EnableCounters;
using Swssbox.Notify;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>enable_counters: turn on flex counter groups in CONFIG_DB after SONiC's start-up delay.</summary>
public static class EnableCounters
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("enable_counters", "enable flex counters in CONFIG_DB after the start-up delay", Usage, Run);

    private const string Usage =
        "usage: enable_counters [--delay SECONDS]\n" +
        "  --delay SECONDS  wait this long instead of SONiC's 180 s (uptime under 5 minutes) or 60 s\n" +
        "                   (also ENABLE_COUNTERS_DELAY)\n";

    private static int Run(ToolContext context, string[] args)
    {
        string? text = Environment.GetEnvironmentVariable("ENABLE_COUNTERS_DELAY");
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--delay" && i + 1 < args.Length)
                text = args[++i];
            else
                return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
        }
        TimeSpan delay = CounterEnabler.DefaultDelay();
        if (text is not null)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds < 0)
                return context.UsageError(Usage, $"--delay needs a number of seconds, found '{text}'");
            delay = TimeSpan.FromSeconds(seconds);
        }
        using var log = context.CreateLogger();
        using var config = DbConnector.Open("CONFIG_DB", clientName: "enable_counters");
        SdNotify.Ready();
        new CounterEnabler(config, log).Run(delay);
        return 0;
    }
}
