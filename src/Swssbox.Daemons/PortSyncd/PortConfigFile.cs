using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.PortSyncd;

/// <summary>One port of port_config.ini: its name and the PORT_TABLE fields it gets.</summary>
public sealed record PortEntry(string Name, IReadOnlyList<FieldValue> Fields);

/// <summary>
/// SONiC's port_config.ini (portsyncd's handlePortConfigFile): a line starting with '#' names the columns of
/// the lines after it (default "name lanes alias speed", the 201807 default, for files without a header);
/// other lines are whitespace-separated values per column. Both the 201807 form ("# name lanes") and the
/// current one ("# name lanes alias index speed autoneg fec") parse.
/// </summary>
public static class PortConfigFile
{
    private static readonly string[] DefaultHeader = ["name", "lanes", "alias", "speed"];

    /// <summary>Reads <paramref name="path"/>; errors name the file and line.</summary>
    public static IReadOnlyList<PortEntry> Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(path, "0", "cannot read the port configuration file: " + e.Message);
        }
        return Parse(path, lines);
    }

    /// <summary>
    /// Parses the lines. Fields: lanes, alias (the name when the column is absent or empty), then every other
    /// column in header order. 201807's portsyncd wrote lanes, alias and speed; since 201811 sonic-cfggen loads
    /// every column into CONFIG_DB PORT and portsyncd copies that, so current orchagent sees index, autoneg and
    /// fec too: we publish what current SONiC ends up with.
    /// </summary>
    public static IReadOnlyList<PortEntry> Parse(string file, IReadOnlyList<string> lines)
    {
        string[] header = DefaultHeader;
        var ports = new List<PortEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int n = 0; n < lines.Count; n++)
        {
            string line = lines[n];
            string lineNo = (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (line.StartsWith('#'))
            {
                header = Split(line[1..]);
                if (Array.IndexOf(header, "name") < 0 || Array.IndexOf(header, "lanes") < 0)
                    throw new ConfigFileException(file, lineNo, "column header must name the columns 'name' and 'lanes'");
                continue;
            }
            string[] values = Split(line);
            if (values.Length == 0)
                continue; // SONiC's C++ parser crashed on a blank line; sonic-cfggen skips it, as do we.
            if (values.Length > header.Length)
                throw new ConfigFileException(file, lineNo, $"{values.Length} values but {header.Length} columns ({string.Join(' ', header)})");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < values.Length; i++)
                row[header[i]] = values[i];
            if (!row.TryGetValue("name", out var name))
                throw new ConfigFileException(file, lineNo, "no value for column 'name'");
            if (!row.TryGetValue("lanes", out var lanes))
                throw new ConfigFileException(file, lineNo, $"port {name} has no value for column 'lanes'");
            if (!seen.Add(name))
                throw new ConfigFileException(file, lineNo, $"port {name} is listed twice");
            var fields = new List<FieldValue> { new("lanes", lanes), new("alias", row.GetValueOrDefault("alias") is { Length: > 0 } a ? a : name) };
            foreach (string column in header)
            {
                if (column is "name" or "lanes" or "alias")
                    continue;
                if (row.TryGetValue(column, out var value) && value.Length > 0)
                    fields.Add(new FieldValue(column, value));
            }
            ports.Add(new PortEntry(name, fields));
        }
        return ports;
    }

    private static string[] Split(string text) => text.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
