namespace Swssbox.Supervision.Config;

/// <summary>A [program:x] or [eventlistener:x] section into its processes, as options.py processes_from_section does.</summary>
internal static class ProgramReader
{
    private static readonly HashSet<string> EventNames = new(StringComparer.Ordinal)
    {
        "EVENT", "PROCESS_STATE", "PROCESS_STATE_STOPPED", "PROCESS_STATE_STARTING", "PROCESS_STATE_RUNNING",
        "PROCESS_STATE_BACKOFF", "PROCESS_STATE_STOPPING", "PROCESS_STATE_EXITED", "PROCESS_STATE_FATAL",
        "PROCESS_STATE_UNKNOWN", "REMOTE_COMMUNICATION", "PROCESS_LOG", "PROCESS_LOG_STDOUT", "PROCESS_LOG_STDERR",
        "PROCESS_COMMUNICATION", "PROCESS_COMMUNICATION_STDOUT", "PROCESS_COMMUNICATION_STDERR",
        "SUPERVISOR_STATE_CHANGE", "SUPERVISOR_STATE_CHANGE_RUNNING", "SUPERVISOR_STATE_CHANGE_STOPPING",
        "TICK", "TICK_5", "TICK_60", "TICK_3600", "PROCESS_GROUP", "PROCESS_GROUP_ADDED", "PROCESS_GROUP_REMOVED",
    };

    public static List<ProgramConfig> Read(IniSection s, string programName, IReadOnlyDictionary<string, string> env, bool listener, List<string> warnings)
    {
        var names = ConfigLoader.Names(s, env);
        names["program_name"] = programName;
        names["group_name"] = programName;
        names["host_node_name"] = Environment.MachineName;
        T T<T>(string key, string dflt, Func<string, T> parse) => ConfigLoader.Typed(s, key, dflt, names, parse);
        IniValue At(string key) => s.Options.TryGetValue(key, out var v) ? v : new IniValue("", s.File, s.Line);

        int numprocs = T("numprocs", "1", Values.Integer);
        int numprocsStart = T("numprocs_start", "0", Values.Integer);
        names["numprocs"] = numprocs.ToString();
        names["process_num"] = numprocsStart.ToString();
        int priority = T("priority", listener ? "-1" : "999", Values.Integer);
        bool autostart = T("autostart", "true", Values.Boolean);
        var autorestart = T("autorestart", "unexpected", Values.AutoRestartValue);
        int startsecs = T("startsecs", "1", Values.Integer);
        int startretries = T("startretries", "3", Values.Integer);
        int stopsignal = T("stopsignal", "TERM", Signals.Parse);
        int stopwaitsecs = T("stopwaitsecs", "10", Values.Integer);
        bool stopasgroup = T("stopasgroup", "false", Values.Boolean);
        bool killasgroup = T("killasgroup", stopasgroup ? "true" : "false", Values.Boolean);
        var exitcodes = T("exitcodes", "0", Values.ExitCodes);
        bool redirect = T("redirect_stderr", "false", Values.Boolean);
        bool notify = T("notify", "false", Values.Boolean);
        bool dependent = T("dependent_startup", "false", Values.Boolean);
        int? umask = s.Options.ContainsKey("umask") ? T("umask", "0", Values.Octal) : null;
        string? user = ConfigLoader.Get(s, "user", null, names)?.Trim();
        string processName = ConfigLoader.Get(s, "process_name", "%(program_name)s", null)!;
        if (numprocs > 1 && !processName.Contains("%(process_num)"))
            throw new ConfigException(At("numprocs").File, At("numprocs").Line, $"[{s.Name}] numprocs: %(process_num) must be present within process_name when numprocs > 1");
        if (stopasgroup && !killasgroup)
            throw new ConfigException(At("killasgroup").File, At("killasgroup").Line, $"[{s.Name}] killasgroup: Cannot set stopasgroup=true and killasgroup=false");
        if (!s.Options.ContainsKey("command"))
            throw new ConfigException(s.File, s.Line, $"program section {s.Name} does not specify a command");

        var events = new List<string>();
        int bufferSize = 10;
        if (listener)
        {
            if (redirect)
                throw new ConfigException(At("redirect_stderr").File, At("redirect_stderr").Line, $"[{s.Name}] redirect_stderr: eventlistener {programName} cannot use redirect_stderr");
            if (!s.Options.ContainsKey("events"))
                throw new ConfigException(s.File, s.Line, $"[{s.Name}] events: [eventlistener:{programName}] section requires an \"events\" line");
            foreach (var e in ConfigLoader.Get(s, "events", "", names)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!EventNames.Contains(e))
                    throw new ConfigException(At("events").File, At("events").Line, $"[{s.Name}] events: Unknown event type {e} in [{s.Name}] events");
                events.Add(e);
            }
            bufferSize = T("buffer_size", "10", Values.Integer);
            if (bufferSize < 1)
                throw new ConfigException(At("buffer_size").File, At("buffer_size").Line, $"[{s.Name}] buffer_size: must be at least 1");
        }

        var waitFor = new List<StartupDependency>();
        if (ConfigLoader.Get(s, "dependent_startup_wait_for", null, names) is { } wf)
        {
            foreach (var item in wf.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = item.LastIndexOf(':');
                string state = colon < 0 ? "running" : item[(colon + 1)..].ToLowerInvariant();
                if (colon < 0 || state is not ("running" or "exited" or "starting" or "backoff" or "stopped" or "fatal" or "stopping"))
                    throw new ConfigException(At("dependent_startup_wait_for").File, At("dependent_startup_wait_for").Line, $"[{s.Name}] dependent_startup_wait_for: expected 'program:state', got '{item}'");
                waitFor.Add(new StartupDependency(item[..colon], state));
            }
        }

        var result = new List<ProgramConfig>();
        for (int num = numprocsStart; num < numprocsStart + numprocs; num++)
        {
            names["process_num"] = num.ToString();
            var environment = s.Options.TryGetValue("environment", out var envValue)
                ? ConfigLoader.Wrap(envValue, s.Name, "environment", v => Values.KeyValuePairs(Expansion.Expand(v, names, "environment")))
                : new Dictionary<string, string>();
            var procNames = new Dictionary<string, string>(names);
            foreach (var (k, v) in environment)
                procNames["ENV_" + k] = v;
            string? directory = ConfigLoader.Get(s, "directory", null, procNames)?.Trim();
            var stdout = Log(s, "stdout", procNames, warnings);
            var stderr = Log(s, "stderr", procNames, warnings);
            if (redirect)
                stderr = stderr with { File = null, Auto = false };
            string command = ConfigLoader.Get(s, "command", null, procNames)!;
            string name = ConfigLoader.Wrap(s.Options.TryGetValue("process_name", out var pn) ? pn : new IniValue(processName, s.File, s.Line),
                s.Name, "process_name", v => Values.Name(Expansion.Expand(v, procNames, "process_name")));
            string? serverurl = ConfigLoader.Get(s, "serverurl", null, procNames);
            if (serverurl is not null && serverurl.Trim().Equals("AUTO", StringComparison.OrdinalIgnoreCase))
                serverurl = null;
            result.Add(new ProgramConfig
            {
                Name = name, ProgramName = programName, Command = command, File = s.File, Line = At("command").Line,
                Directory = directory, Umask = umask, User = user, Priority = priority, AutoStart = autostart,
                AutoRestart = autorestart, StartSecs = startsecs, StartRetries = startretries, ExitCodes = exitcodes,
                StopSignal = stopsignal, StopWaitSecs = stopwaitsecs, StopAsGroup = stopasgroup, KillAsGroup = killasgroup,
                RedirectStderr = redirect, Environment = environment, Stdout = stdout, Stderr = stderr, ServerUrl = serverurl,
                Notify = notify, DependentStartup = dependent, WaitFor = waitFor, Events = events, BufferSize = bufferSize,
                IsEventListener = listener,
            });
        }
        return result;
    }

    private static LogTarget Log(IniSection s, string channel, Dictionary<string, string> names, List<string> warnings)
    {
        T T<T>(string key, string dflt, Func<string, T> parse) => ConfigLoader.Typed(s, key, dflt, names, parse);
        string? file = ConfigLoader.Get(s, channel + "_logfile", null, names)?.Trim();
        long maxbytes = T(channel + "_logfile_maxbytes", "50MB", Values.ByteSize);
        int backups = T(channel + "_logfile_backups", "10", Values.Integer);
        bool syslog = T(channel + "_syslog", "false", Values.Boolean);
        long capture = T(channel + "_capture_maxbytes", "0", Values.ByteSize);
        bool events = T(channel + "_events_enabled", "false", Values.Boolean);
        bool auto = false;
        string? path = null;
        switch (file?.ToLowerInvariant())
        {
            case null or "auto": auto = true; break;
            case "none" or "off": break;
            case "syslog":
                warnings.Add($"For [{s.Name}], {channel}_logfile=syslog but this is deprecated and will be removed.  Use {channel}_syslog=true to enable syslog instead.");
                syslog = true;
                break;
            default:
                path = Path.GetFullPath(file!.StartsWith("~/") ? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/", file[2..]) : file);
                if (!Directory.Exists(Path.GetDirectoryName(path)))
                {
                    var at = s.Options[channel + "_logfile"];
                    throw new ConfigException(at.File, at.Line, $"[{s.Name}] {channel}_logfile: The directory named as part of the path {file} does not exist");
                }
                break;
        }
        return new LogTarget(path, auto, maxbytes, backups, syslog, capture, events);
    }
}
