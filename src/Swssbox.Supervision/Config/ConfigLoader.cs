using System.Text;

namespace Swssbox.Supervision.Config;

/// <summary>
/// Reads supervisord.conf as supervisor 4.2.5 does (options.py): the main file, then its [include] globs (relative
/// to the main file's directory, sorted, no recursion), sections merged last-wins; then typed, expanded values with
/// supervisor's defaults. Every error names the file and line of the offending option (or section).
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="environment"/> as supervisord's own environment.</summary>
    public static SupervisorConfig Load(string path, IReadOnlyDictionary<string, string> environment)
    {
        string main = Path.GetFullPath(path);
        string here = Path.GetDirectoryName(main)!;
        var ini = new IniFile();
        var warnings = new List<string>();
        var files = new List<string> { main };
        ini.Read(ReadText(main), main);

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in environment)
            env["ENV_" + k] = v;

        if (ini.Find("include") is { } include && include.Options.TryGetValue("files", out var filesOpt))
        {
            var names = new Dictionary<string, string>(env) { ["here"] = here };
            string patterns = Wrap(filesOpt, "include", "files", v => Expansion.Expand(v, names, "files"));
            foreach (string pattern in patterns.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                string full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(here, pattern);
                var matches = Glob.Match(full);
                if (matches.Count == 0)
                    warnings.Add($"No file matches via include \"{full}\"");
                foreach (var m in matches)
                {
                    warnings.Add($"Included extra file \"{m}\" during parsing");
                    files.Add(m);
                    ini.Read(ReadText(m), m);
                }
            }
        }

        var sd = ini.Find("supervisord");
        string SdGet(string key, string dflt, bool expand = true) => sd is null ? dflt : Get(sd, key, dflt, expand ? Names(sd, env) : null) ?? dflt;

        var sdEnvText = SdGet("environment", "", expand: false);
        var sdEnv = sd is null || sdEnvText.Length == 0 ? new Dictionary<string, string>()
            : Wrap(sd.Options["environment"], "supervisord", "environment", v => Values.KeyValuePairs(Expansion.Expand(v, Names(sd, env), "environment")));
        foreach (var (k, v) in sdEnv)
            env["ENV_" + k] = v;

        string? logfile = sd is null ? null : Get(sd, "logfile", null, Names(sd, env));
        string cwd = System.IO.Directory.GetCurrentDirectory();
        bool logSyslog = logfile is not null && logfile.Trim().Equals("syslog", StringComparison.OrdinalIgnoreCase);
        string? logPath = logfile is null ? Path.Combine(cwd, "supervisord.log")
            : logfile.Trim().ToLowerInvariant() is "none" or "off" or "syslog" ? null : Path.GetFullPath(logfile.Trim(), cwd);

        UnixServerConfig? unix = null;
        if (ini.Find("unix_http_server") is { } us)
        {
            var names = Names(us, env);
            string? file = Get(us, "file", null, names);
            if (file is null)
                throw new ConfigException(us.File, us.Line, "section [unix_http_server] has no file value");
            int chmod = Typed(us, "chmod", "0700", names, Values.Octal);
            string? user = Get(us, "username", null, names), pass = Get(us, "password", null, names);
            if ((user is null) != (pass is null))
                throw new ConfigException(us.File, us.Line, "Section [unix_http_server] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified");
            unix = new UnixServerConfig(Path.GetFullPath(file.Trim(), here), chmod, user, pass);
        }
        var ctl = ini.Find("supervisorctl");
        var ctlNames = ctl is null ? env : Names(ctl, env);

        var groups = Groups(ini, env, warnings);
        return new SupervisorConfig
        {
            ConfigFile = main,
            LogFile = logPath,
            LogToSyslog = logSyslog,
            LogFileMaxBytes = sd is null ? 50L << 20 : Typed(sd, "logfile_maxbytes", "50MB", Names(sd, env), Values.ByteSize),
            LogFileBackups = sd is null ? 10 : Typed(sd, "logfile_backups", "10", Names(sd, env), Values.Integer),
            LogLevel = SdGet("loglevel", "info").Trim().ToLowerInvariant(),
            PidFile = sd is null ? Path.Combine(cwd, "supervisord.pid") : Path.GetFullPath(SdGet("pidfile", "supervisord.pid").Trim(), cwd),
            Umask = sd is null ? 0x12 : Typed(sd, "umask", "022", Names(sd, env), Values.Octal),
            NoDaemon = sd is not null && Typed(sd, "nodaemon", "false", Names(sd, env), Values.Boolean),
            Silent = sd is not null && Typed(sd, "silent", "false", Names(sd, env), Values.Boolean),
            Identifier = SdGet("identifier", "supervisor"),
            ChildLogDir = sd is null ? Path.GetTempPath() : SdGet("childlogdir", Path.GetTempPath()),
            Directory = sd is null ? null : Get(sd, "directory", null, Names(sd, env)),
            Environment = sdEnv,
            UnixServer = unix,
            ServerUrl = Get(ctl, "serverurl", "http://localhost:9001", ctlNames) ?? "http://localhost:9001",
            CtlUsername = Get(ctl, "username", null, ctlNames),
            CtlPassword = Get(ctl, "password", null, ctlNames),
            Groups = groups,
            Warnings = warnings,
            IncludedFiles = files,
        };
    }

    private static string ReadText(string path)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException e)
        {
            throw new ConfigException(path, 0, $"not valid UTF-8: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, 0, $"could not read: {e.Message}");
        }
    }

    /// <summary>ENV_* plus here= the directory of the file that holds the section.</summary>
    internal static Dictionary<string, string> Names(IniSection section, IReadOnlyDictionary<string, string> env) =>
        new(env) { ["here"] = Path.GetDirectoryName(section.File)! };

    /// <summary>The raw (expanded when <paramref name="names"/> is given) value, or <paramref name="dflt"/>.</summary>
    internal static string? Get(IniSection? section, string key, string? dflt, IReadOnlyDictionary<string, string>? names)
    {
        if (section is null || !section.Options.TryGetValue(key, out var v))
            return dflt;
        return names is null ? v.Value : Wrap(v, section.Name, key, x => Expansion.Expand(x, names, key));
    }

    /// <summary>A typed value; a bad one is an error at the option's line.</summary>
    internal static T Typed<T>(IniSection section, string key, string dflt, IReadOnlyDictionary<string, string> names, Func<string, T> parse)
    {
        if (!section.Options.TryGetValue(key, out var v))
            return parse(dflt);
        return Wrap(v, section.Name, key, x => parse(Expansion.Expand(x, names, key)));
    }

    internal static T Wrap<T>(IniValue value, string section, string key, Func<string, T> f)
    {
        try
        {
            return f(value.Value);
        }
        catch (FormatException e)
        {
            throw new ConfigException(value.File, value.Line, $"[{section}] {key}: {e.Message}");
        }
    }

    private static List<GroupConfig> Groups(IniFile ini, Dictionary<string, string> env, List<string> warnings)
    {
        var programs = new Dictionary<string, (IniSection Section, List<ProgramConfig> Procs)>(StringComparer.Ordinal);
        var groups = new List<GroupConfig>();
        foreach (var s in ini.Sections)
        {
            bool listener = s.Name.StartsWith("eventlistener:");
            if (!s.Name.StartsWith("program:") && !listener)
                continue;
            string name = s.Name[(s.Name.IndexOf(':') + 1)..];
            try { Values.Name(name); }
            catch (FormatException e) { throw new ConfigException(s.File, s.Line, $"[{s.Name}]: {e.Message}"); }
            var procs = ProgramReader.Read(s, name, env, listener, warnings);
            if (listener)
                groups.Add(new GroupConfig(name, procs.Count > 0 ? procs[0].Priority : -1, procs, true));
            else
                programs[name] = (s, procs);
        }
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in ini.Sections.Where(s => s.Name.StartsWith("group:")))
        {
            string name = s.Name["group:".Length..];
            var names = Names(s, env);
            string members = Get(s, "programs", null, names) ?? throw new ConfigException(s.File, s.Line, $"[{s.Name}] has no programs value");
            int priority = Typed(s, "priority", "999", names, Values.Integer);
            var procs = new List<ProgramConfig>();
            foreach (string member in members.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!programs.TryGetValue(member, out var p))
                    throw new ConfigException(s.Options["programs"].File, s.Options["programs"].Line, $"[{s.Name}] programs: no section [program:{member}] (group \"{name}\")");
                procs.AddRange(p.Procs);
                grouped.Add(member);
            }
            groups.Add(new GroupConfig(name, priority, procs, false));
        }
        foreach (var (name, p) in programs)
            if (!grouped.Contains(name))
                groups.Add(new GroupConfig(name, p.Procs.Count > 0 ? p.Procs[0].Priority : 999, p.Procs, false));
        // supervisor sorts groups by (priority, name)
        groups.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Name, b.Name));
        return groups;
    }
}
