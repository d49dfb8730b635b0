using Swssbox.Daemons;
using Swssbox.Daemons.SwssConfig;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>swssconfig (with swssconfig.sh's wait for /ready): apply swssconfig JSON files to APPL_DB.</summary>
public static class SwssConfig
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("swssconfig", "apply swssconfig JSON files to APPL_DB (after /ready)", Usage, Run);

    private const string Usage =
        "Usage: swssconfig [--ready FILE | --no-wait] [--config-dir DIR] [--cmdline FILE] [--fast-reboot-dir DIR] [FILE...]\n" +
        "       (default config folder is /etc/swss/config.d/)\n" +
        "  without FILEs: wait for the host's ready file (default /ready; removed once seen), then apply every file\n" +
        "                 of the config folder in name order, as swssconfig.sh does; when the kernel command line\n" +
        "                 (--cmdline, default /proc/cmdline) says fast-reboot, first fdb.json, arp.json and\n" +
        "                 default_routes.json of --fast-reboot-dir (default /), each removed once applied\n" +
        "  with FILEs:    apply them in order without waiting (as swssconfig does), unless --ready is given\n" +
        "  a file that does not parse, or has an unknown OP, is reported as FILE:LINE:COLUMN: reason and nothing of\n" +
        "  it is applied; exit status 1\n";

    private static int Run(ToolContext context, string[] args)
    {
        string? ready = null;
        bool noWait = false;
        string directory = SwssConfigApplier.ConfigDirectory;
        string cmdline = "/proc/cmdline", fastRebootDir = "/";
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h": context.Out.Write(Usage); return 0;
                case "--ready" when i + 1 < args.Length: ready = args[++i]; break;
                case "--no-wait": noWait = true; break;
                case "--config-dir" when i + 1 < args.Length: directory = args[++i]; break;
                case "--cmdline" when i + 1 < args.Length: cmdline = args[++i]; break;
                case "--fast-reboot-dir" when i + 1 < args.Length: fastRebootDir = args[++i]; break;
                case var a when a.StartsWith('-'): return context.UsageError(Usage, $"unrecognized arguments: {a}");
                default: files.Add(args[i]); break;
            }
        }
        using var log = context.CreateLogger();
        if (!noWait && (ready is not null || files.Count == 0))
            SwssConfigApplier.WaitForReady(ready ?? "/ready", log);
        using var appl = DbConnector.Open("APPL_DB", clientName: "swssconfig");
        var applier = new SwssConfigApplier(appl, log);
        if (files.Count == 0)
        {
            if (SwssConfigApplier.IsFastReboot(cmdline))
            {
                foreach (string file in SwssConfigApplier.FastRebootFiles(fastRebootDir))
                {
                    try
                    {
                        applier.Apply(file);
                        File.Delete(file);
                    }
                    catch (ConfigFileException e)
                    {
                        log.Error("{Message}", e.Message);
                        return context.Fail(e.Message);
                    }
                }
            }
            files.AddRange(SwssConfigApplier.FilesIn(directory));
        }
        foreach (string file in files)
        {
            try
            {
                int count = applier.Apply(file);
                log.Information("applied {Count} entries from {File}", count, file);
            }
            catch (ConfigFileException e)
            {
                log.Error("{Message}", e.Message);
                return context.Fail(e.Message);
            }
        }
        return 0;
    }
}
