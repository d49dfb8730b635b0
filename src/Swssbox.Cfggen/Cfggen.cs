using System.Text;
using Swssbox.Cfggen.Data;
using Swssbox.Sonic.Config;
using Swssbox.Sonic.Connection;
using Swssbox.Templates;
using Swssbox.Templates.Rendering;
using Swssbox.Templates.Values;

namespace Swssbox.Cfggen;

/// <summary>
/// sonic-cfggen's main(): gathers the data in SONiC's fixed order (NAMESPACE_ID, -k/-p, -j…, -a, -d, -H), then runs
/// the outputs in SONiC's order (-t…, -v, --var-json, -w, --print-data). Template output files are written
/// whole (temp file, then rename), so a failed render leaves no partial file.
/// </summary>
public sealed class Cfggen(CfggenOptions options, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Where sonic-cfggen's own files/build_templates would be relative to the executable (SONiC: script/../../files/build_templates).</summary>
    public static string BuildTemplatesDir =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Environment.ProcessPath) ?? "/", "../../files/build_templates"));

    /// <summary>Runs; template and data errors throw <see cref="TemplateException"/> or <see cref="CfggenDataException"/>.</summary>
    public void Run()
    {
        string? platform = DeviceInfo.Platform();
        var data = Gather(platform);
        RenderTemplates(data, platform);
        if (options.Var is not null)
        {
            // jinja2.Template('{{' + EXPR + '}}').render(data): no spaces added, so "-" at either end is whitespace control.
            var plain = new TemplateEnvironment();
            stdout.Write(plain.FromString("{{" + options.Var + "}}", "<template>").Render(data));
            stdout.Write('\n');
        }
        if (options.VarJson is not null && data.TryGetValue(options.VarJson, out var table))
        {
            var serialized = options.Key is not null ? JsonData.ToSerializedLookup(table, options.Key) : JsonData.ToSerialized(table);
            stdout.Write(PyJson.Dumps(serialized, indent: 4));
            stdout.Write('\n');
        }
        if (options.WriteToDb)
        {
            using var db = OpenConfigDb();
            ConfigDb.Write(db, data);
        }
        if (options.PrintData)
        {
            stdout.Write(PyJson.Dumps(JsonData.ToSerialized(data), indent: 4));
            stdout.Write('\n');
        }
    }

    private PyDict Gather(string? platform)
    {
        var data = new PyDict();
        if (Environment.GetEnvironmentVariable("NAMESPACE_ID") is { Length: > 0 } ns)
            JsonData.DeepUpdate(data, Nested("DEVICE_METADATA", "localhost", "namespace_id", ns));
        if (options.Hwsku is not null)
        {
            JsonData.DeepUpdate(data, Nested("DEVICE_METADATA", "localhost", "hwsku", options.Hwsku));
            string? portConfig = options.PortConfig ?? DefaultPortConfig(options.Hwsku, platform);
            if (portConfig is null)
                throw new CfggenDataException("Failed to get port config");
            var ports = new PyDict { ["PORT"] = PortConfig.Parse(portConfig) };
            JsonData.DeepUpdate(data, ports);
        }
        foreach (var file in options.Json)
            JsonData.DeepUpdate(data, JsonData.ToDeserialized(JsonData.LoadFile(file)));
        if (options.Yaml.Count > 0)
            throw new CfggenDataException($"{options.Yaml[0]}: YAML input (-y) is not supported by this sonic-cfggen; convert it to JSON and use -j");
        if (options.AdditionalData is not null)
            JsonData.DeepUpdate(data, JsonData.Parse(Encoding.UTF8.GetBytes(options.AdditionalData), "-a/--additional-data"));
        if (options.FromDb)
        {
            using var db = OpenConfigDb();
            JsonData.DeepUpdate(data, ConfigDb.Read(db));
        }
        if (options.PlatformInfo)
        {
            var localhost = new PyDict { ["platform"] = platform, ["mac"] = DeviceInfo.SystemMac() };
            JsonData.DeepUpdate(data, new PyDict { ["DEVICE_METADATA"] = new PyDict { ["localhost"] = localhost } });
        }
        return data;
    }

    private static PyDict Nested(string a, string b, string c, object? value) =>
        new() { [a] = new PyDict { [b] = new PyDict { [c] = value } } };

    private static string? DefaultPortConfig(string hwsku, string? platform)
    {
        var candidates = new List<string> { "/usr/share/sonic/hwsku/port_config.ini", Path.Combine("/usr/share/sonic/platform", hwsku, "port_config.ini") };
        if (platform is not null)
            candidates.Add(Path.Combine("/usr/share/sonic/device", platform, hwsku, "port_config.ini"));
        return candidates.FirstOrDefault(File.Exists);
    }

    private DbConnector OpenConfigDb()
    {
        var config = DatabaseConfig.FromEnvironment();
        // SONiC: the unix socket as root, TCP otherwise (ConfigDBConnector(use_unix_socket_path = uid == 0)).
        bool tcp = !IsRoot();
        if (options.RedisSocket is { } socket)
        {
            var db = config.Get("CONFIG_DB");
            var instance = config.InstanceOf(db) with { UnixSocketPath = socket };
            config = new DatabaseConfig([instance], config.Databases.Where(d => d.Instance == instance.Name), config.Source);
            tcp = false;
        }
        return DbConnector.Open(config, "CONFIG_DB", tcp, RetryPolicy.Brief, "sonic-cfggen");
    }

    private static bool IsRoot()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    return line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0";
            }
        }
        catch (IOException)
        {
        }
        return false;
    }

    /// <summary>The loader search path sonic-cfggen builds for -t.</summary>
    public List<string> SearchPath(string? platform)
    {
        var paths = new List<string> { "/", "/usr/share/sonic/templates" };
        if (options.TemplateDir is not null)
            paths.Add(Path.GetFullPath(options.TemplateDir));
        if (platform is not null && options.Hwsku is not null)
        {
            string hwskuDir = Path.Combine("/usr/share/sonic/device", Path.GetFileName(platform), Path.GetFileName(options.Hwsku));
            string platformDir = Path.Combine("/usr/share/sonic/device", Path.GetFileName(platform));
            if (Directory.Exists(hwskuDir))
                paths.Add(hwskuDir);
            if (Directory.Exists(platformDir))
                paths.Add(platformDir);
        }
        paths.Add(BuildTemplatesDir);
        foreach (var t in options.Templates)
            paths.Add(Path.GetDirectoryName(Path.GetFullPath(t.Template))!);
        return paths;
    }

    private void RenderTemplates(PyDict data, string? platform)
    {
        if (options.Templates.Count == 0)
            return;
        var env = new TemplateEnvironment(trimBlocks: true, searchPath: SearchPath(platform));
        SonicFilters.Register(env, DeviceInfo.IsSmartSwitch(platform), stderr);
        foreach (var target in options.Templates)
        {
            string output;
            Template template;
            try
            {
                template = env.GetTemplate(Path.GetFileName(target.Template));
                output = template.Render(data);
            }
            catch (TemplateException e) when (e.TemplateName is { } name && env.Locate(name) is { } path)
            {
                throw e.InFile(path);
            }
            if (target.Destination is null)
            {
                stdout.Write(output);
                stdout.Write('\n');
            }
            else if (target.Destination == "config-db")
            {
                JsonData.DeepUpdate(data, JsonData.ToDeserialized(JsonData.Parse(Encoding.UTF8.GetBytes(output), template.Path ?? template.Name)));
            }
            else
            {
                WriteWhole(target.Destination, output + "\n");
            }
        }
    }

    /// <summary>Writes a file through a temporary file in the same directory and a rename: readers never see half of it.</summary>
    public static void WriteWhole(string path, string content)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp" + Environment.ProcessId);
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }
}
