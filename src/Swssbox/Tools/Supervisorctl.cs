using System.Collections;
using Swssbox.Supervision.Config;
using Swssbox.Supervision.Control;

namespace Swssbox;

/// <summary>
/// supervisorctl: supervisor 4.2.5's control client for one command (no interactive shell): same output lines and
/// exit codes, over supervisord's unix socket (ours or Python's). Reads serverurl/username/password from the
/// [supervisorctl] section of the config (-c, else supervisor's default paths).
/// </summary>
public static class Supervisorctl
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("supervisorctl", "supervisor 4.2.5-compatible control client (replaces Python supervisorctl)", Usage, Run);

    private const string Usage =
        "usage: supervisorctl [-c FILE] [-s URL] [-u USER] [-p PASSWORD] COMMAND [ARGS...]\n" +
        "\n" +
        "commands: status, start, stop, restart, signal, pid, tail, avail, reread, update, reload, shutdown, clear, version\n" +
        "  (names, group:*, all as Python supervisorctl takes them; only unix:// server URLs)\n" +
        "exit codes: 0 ok, 1 error, 2 invalid arguments, 3 status: a process is not running, 4 status: unknown name\n" +
        "or server unreachable, 7 not running/spawn error (as supervisorctl 4.2.5).\n";

    private static readonly string[] DefaultPaths =
        ["../etc/supervisord.conf", "../supervisord.conf", "supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"];

    private static int Run(ToolContext context, string[] args)
    {
        string? file = null, url = null, user = null, pass = null;
        int i = 0;
        for (; i < args.Length && args[i].StartsWith('-'); i++)
        {
            string a = args[i];
            string? Next() => ++i < args.Length ? args[i] : null;
            switch (a)
            {
                case "-c" or "--configuration": file = Next(); break;
                case "-s" or "--serverurl": url = Next(); break;
                case "-u" or "--username": user = Next(); break;
                case "-p" or "--password": pass = Next(); break;
                case "-h" or "--help": context.Out.Write(Usage); return 0;
                default: context.Err.Write($"Error: option {a} not recognized\n" + Usage); return 2;
            }
        }
        if (i >= args.Length)
        {
            context.Err.Write("Error: this supervisorctl runs one command; no interactive mode\n" + Usage);
            return 2;
        }
        file ??= DefaultPaths.FirstOrDefault(File.Exists);
        if (file is not null && !File.Exists(file))
        {
            context.Err.WriteLine($"Error: could not find config file {file}");
            return 2;
        }
        if (file is not null)
        {
            try
            {
                var ini = new IniFile();
                ini.Read(File.ReadAllText(file), Path.GetFullPath(file));
                if (ini.Find("supervisorctl") is { } s)
                {
                    var names = new Dictionary<string, string> { ["here"] = Path.GetDirectoryName(Path.GetFullPath(file))! };
                    foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
                        names["ENV_" + (string)e.Key] = (string?)e.Value ?? "";
                    string? Get(string k) => s.Options.TryGetValue(k, out var v) ? Expansion.Expand(v.Value, names, k) : null;
                    url ??= Get("serverurl");
                    user ??= Get("username");
                    pass ??= Get("password");
                }
            }
            catch (Exception e) when (e is ConfigException or FormatException or IOException)
            {
                context.Err.WriteLine($"Error: {e.Message}");
                return 2;
            }
        }
        using var client = new RpcClient(url ?? "http://localhost:9001", user, pass);
        return new Ctl(client, context.Out).Run(args[i], args[(i + 1)..]);
    }
}
