using System.Collections;
using System.Text;
using Swssbox.Native;
using Swssbox.Supervision.Config;
using Swssbox.Supervision.Processes;

namespace Swssbox;

/// <summary>
/// supervisord: supervisor 4.2.5's daemon as the swss container's PID 1 (also runs as an ordinary process, then as
/// child subreaper). Always runs in the foreground (no daemonizing fork). Config errors print
/// "supervisord: FILE:LINE: detail" and exit 2, the code supervisor uses. Writes through raw fds, never System.Console
/// (Console on a terminal makes the runtime reap our children).
/// </summary>
public static class Supervisord
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("supervisord", "supervisor 4.2.5-compatible process supervisor and PID 1 (replaces Python supervisord)", Usage, Run);

    private const string Usage =
        "usage: supervisord [-c FILE] [-n] [-h]\n" +
        "\n" +
        "  -c/--configuration FILE  configuration file path (searches the default paths if not given)\n" +
        "  -n/--nodaemon            run in the foreground (always the case; also logs to stdout)\n" +
        "  -h/--help                print this usage message and exit\n" +
        "\n" +
        "Reads supervisord.conf as supervisor 4.2.5 does. Extensions: notify=true (RUNNING on sd_notify READY=1),\n" +
        "dependent_startup / dependent_startup_wait_for=prog:running|exited (SONiC's ordered startup, built in).\n";

    private static readonly string[] DefaultPaths =
        ["../etc/supervisord.conf", "../supervisord.conf", "supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"];

    private static int Run(ToolContext context, string[] args)
    {
        if (args.Length >= 5 && args[0] == "--exec-helper")
            return ExecHelper.Run(args[1], args[2], args[3], args[4..]);
        string? file = null;
        bool nodaemon = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a is "-c" or "--configuration")
            {
                if (++i >= args.Length) return UsageError("option -c requires argument");
                file = args[i];
            }
            else if (a.StartsWith("--configuration=")) file = a["--configuration=".Length..];
            else if (a.StartsWith("-c") && a.Length > 2) file = a[2..];
            else if (a is "-n" or "--nodaemon") nodaemon = true;
            else if (a is "-h" or "--help") { Write(1, Usage); return 0; }
            else return UsageError($"option {a} not recognized");
        }
        if (file is null)
        {
            file = DefaultPaths.FirstOrDefault(File.Exists);
            if (file is null)
            {
                Write(2, $"Error: No config file found at default paths ({string.Join(", ", DefaultPaths)}); use the -c option to specify a config file at a different path\n");
                return 2;
            }
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment[(string)e.Key] = (string?)e.Value ?? "";
        SupervisorConfig config;
        try
        {
            config = ConfigLoader.Load(file, environment);
        }
        catch (ConfigException e)
        {
            Write(2, $"supervisord: {e.Message}\n");
            return 2;
        }
        bool pid1 = Environment.ProcessId == 1;
        if (nodaemon || pid1)
            config = config with { NoDaemon = true };
        Libc.Umask(config.Umask);
        Libc.Ignore(25); // SIGXFSZ: a full log file must not kill PID 1; children inherit it ignored, as under CPython
        if (config.Directory is { } dir)
            Directory.SetCurrentDirectory(dir);
        using var signals = new SignalPipe();
        using var supervisor = new Supervisor(config, environment);
        _ = new Supervision.Events.EventDispatcher(supervisor);
        if (!pid1 && !Libc.SetChildSubreaper())
            supervisor.Log.Warn("could not become child subreaper: orphans will not be reaped");
        WritePidFile(config.PidFile, supervisor);
        Supervision.Rpc.ControlServer? server;
        try { server = Supervision.Rpc.ControlServer.Start(supervisor); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            Write(2, $"Error: {e.Message}\n");
            return 1;
        }
        using var serverScope = server;
        int rc = supervisor.Run(signals);
        if (config.PidFile is { } pf)
            try { File.Delete(pf); } catch (IOException) { }
        return rc;
    }

    private static void WritePidFile(string? path, Supervisor supervisor)
    {
        if (path is null) return;
        try
        {
            File.WriteAllText(path + ".tmp", Environment.ProcessId + "\n");
            File.Move(path + ".tmp", path, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            supervisor.Log.Critical($"could not write pidfile {path}");
        }
    }

    private static int UsageError(string message)
    {
        Write(2, $"Error: {message}\n" + Usage);
        return 2;
    }

    private static void Write(int fd, string s) => Libc.WriteAll(fd, Encoding.UTF8.GetBytes(s));
}
