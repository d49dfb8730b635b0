namespace Swssbox.Daemons.ProcExitListener;

/// <summary>
/// /etc/supervisor/critical_processes (and watchdog_processes): one "program:NAME" or "group:NAME" per line,
/// blank lines ignored. A bare NAME (the 201811 format) counts as a program.
/// </summary>
public sealed record CriticalProcesses(IReadOnlySet<string> Programs, IReadOnlySet<string> Groups)
{
    /// <summary>An empty list.</summary>
    public static CriticalProcesses None { get; } = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>Whether an exit of <paramref name="program"/> in <paramref name="group"/> is critical.</summary>
    public bool Contains(string program, string group) => Programs.Contains(program) || Groups.Contains(group);

    /// <summary>Reads <paramref name="path"/>; a malformed line is an error naming file and line.</summary>
    public static CriticalProcesses Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(path, "0", "cannot read the processes file: " + e.Message);
        }
        var programs = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            string[] parts = line.Split(':');
            string lineNo = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parts.Length == 1 && !line.Any(char.IsWhiteSpace))
            {
                programs.Add(line);
                continue;
            }
            if (parts.Length != 2 || parts[1].Trim().Length == 0)
                throw new ConfigFileException(path, lineNo, $"Syntax of the line {line} in processes file is incorrect (expected program:NAME or group:NAME)");
            string kind = parts[0].Trim(), name = parts[1].Trim();
            if (kind == "program")
                programs.Add(name);
            else if (kind == "group")
                groups.Add(name);
            else
                throw new ConfigFileException(path, lineNo, $"Syntax of the line {line} in processes file is incorrect (expected program:NAME or group:NAME)");
        }
        return new CriticalProcesses(programs, groups);
    }
}
