using Swssbox.Templates.Values;

namespace Swssbox.Cfggen.Data;

/// <summary>port_config.ini as portconfig.parse_port_config_file reads it: a "# name lanes alias …" header names the columns.</summary>
public static class PortConfig
{
    /// <summary>The PORT table: name → {column: value}, alias defaulting to the name.</summary>
    public static PyDict Parse(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CfggenDataException($"{path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory" : e.Message)}");
        }
        string[] titles = ["name", "lanes", "alias", "index"];
        var ports = new PyDict();
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n];
            if (line.StartsWith('#'))
            {
                if (line.Contains("name", StringComparison.Ordinal))
                    titles = line.Trim('#').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2)
                continue;
            int nameIndex = Array.IndexOf(titles, "name");
            if (nameIndex < 0)
                throw new CfggenDataException($"{path}: no 'name' column in the header");
            if (nameIndex >= tokens.Length)
                throw new CfggenDataException($"{path}:{n + 1}: fewer columns than the header names");
            if (tokens.Length > titles.Length)
                throw new CfggenDataException($"{path}:{n + 1}: more columns than the header names (list index out of range)");
            var data = new PyDict();
            for (int i = 0; i < tokens.Length; i++)
            {
                if (i != nameIndex)
                    data[titles[i]] = tokens[i];
            }
            if (!data.ContainsKey("alias"))
                data["alias"] = tokens[nameIndex];
            ports[tokens[nameIndex]] = data;
        }
        return ports;
    }
}
