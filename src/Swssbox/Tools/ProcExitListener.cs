using Swssbox.Daemons;
using Swssbox.Daemons.ProcExitListener;

namespace Swssbox;

/// <summary>supervisor-proc-exit-listener: stop the container's supervisord when a critical program dies.</summary>
public static class ProcExitListenerTool
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("supervisor-proc-exit-listener", "supervisor event listener: stop supervisord when a critical program exits", Usage, Run);

    private const string Usage =
        "usage: supervisor-proc-exit-listener -c CONTAINER [-s] [--critical-file FILE] [--watchdog-file FILE]\n" +
        "  -c, --container-name CONTAINER  the container (FEATURE|CONTAINER auto_restart in CONFIG_DB)\n" +
        "  -s, --use-unix-socket-path      reach CONFIG_DB over the unix socket (default TCP)\n" +
        "  --critical-file FILE            default /etc/supervisor/critical_processes\n" +
        "  --watchdog-file FILE            default /etc/supervisor/watchdog_processes (optional file)\n";

    private static int Run(ToolContext context, string[] args)
    {
        string? container = null;
        bool unix = false;
        string criticalFile = "/etc/supervisor/critical_processes", watchdogFile = "/etc/supervisor/watchdog_processes";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-c" or "--container-name" when i + 1 < args.Length: container = args[++i]; break;
                case var a when a.StartsWith("--container-name=", StringComparison.Ordinal): container = a[17..]; break;
                case "-s" or "--use-unix-socket-path": unix = true; break;
                case "--critical-file" when i + 1 < args.Length: criticalFile = args[++i]; break;
                case "--watchdog-file" when i + 1 < args.Length: watchdogFile = args[++i]; break;
                default: return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
            }
        }
        using var log = context.CreateLogger();
        if (container is null)
        {
            log.Error("Container name not specified. Exiting...");
            return context.Fail("Container name not specified. Exiting...");
        }
        try
        {
            var critical = CriticalProcesses.Load(criticalFile);
            var watched = File.Exists(watchdogFile) ? CriticalProcesses.Load(watchdogFile) : CriticalProcesses.None;
            using var host = new SonicListenerHost(unix, log);
            using var stdin = Console.OpenStandardInput();
            return new ProcExitListener(container, critical, watched, host, log).Run(stdin, context.Out);
        }
        catch (ConfigFileException e)
        {
            log.Error("{Message}", e.Message);
            return context.Fail(e.Message);
        }
    }
}
