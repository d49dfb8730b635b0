using Serilog;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.SwssConfig;

/// <summary>
/// swssconfig.sh + swssconfig: wait for the host's ready file, then apply files in order through ProducerStateTable
/// (APPL_DB). Each file is parsed completely before any of it is written, so a bad file changes nothing.
/// </summary>
public sealed class SwssConfigApplier(DbConnector appl, ILogger log)
{
    /// <summary>swssconfig's default folder.</summary>
    public const string ConfigDirectory = "/etc/swss/config.d";

    /// <summary>
    /// Polls for <paramref name="readyFile"/> every 100 ms (swssconfig.sh's loop) and removes it, as swssconfig.sh
    /// does, so a container restart waits for the host again.
    /// </summary>
    public static void WaitForReady(string readyFile, ILogger log, CancellationToken stopping = default)
    {
        bool logged = false;
        while (!File.Exists(readyFile))
        {
            if (!logged)
            {
                log.Information("waiting for {File}", readyFile);
                logged = true;
            }
            if (stopping.WaitHandle.WaitOne(100))
                return;
        }
        File.Delete(readyFile);
    }

    /// <summary>Whether the kernel command line (<paramref name="cmdline"/>) names fast-reboot, as swssconfig.sh checks.</summary>
    public static bool IsFastReboot(string cmdline) =>
        File.Exists(cmdline) && File.ReadAllText(cmdline).Contains("fast-reboot", StringComparison.Ordinal);

    /// <summary>The state fast-reboot saved (FDB, neighbours, default routes) that exists in <paramref name="directory"/>, in swssconfig.sh's order.</summary>
    public static IReadOnlyList<string> FastRebootFiles(string directory) =>
        new[] { "fdb.json", "arp.json", "default_routes.json" }.Select(f => Path.Combine(directory, f)).Where(File.Exists).ToList();

    /// <summary>Every file of <paramref name="directory"/>, sorted by name (swssconfig's read_directory).</summary>
    public static IReadOnlyList<string> FilesIn(string directory)
    {
        if (!Directory.Exists(directory))
            return [];
        var files = Directory.GetFiles(directory).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Applies one file: parses it (throwing <see cref="ConfigFileException"/> before writing anything), then writes it.</summary>
    public int Apply(string file)
    {
        log.Information("Loading config from JSON file:{File}...", file);
        var ops = SwssConfigFile.Load(file);
        var tables = new Dictionary<string, ProducerStateTable>(StringComparer.Ordinal);
        foreach (var op in ops)
        {
            if (!tables.TryGetValue(op.Table, out var table))
                tables[op.Table] = table = new ProducerStateTable(appl, op.Table, buffered: true);
            if (op.Delete)
                table.Del(op.Key);
            else
                table.Set(op.Key, op.Fields);
        }
        // One connection, so the pipelines reach Redis in file order whichever table is flushed first.
        foreach (var table in tables.Values)
            table.Flush();
        return ops.Count;
    }
}
