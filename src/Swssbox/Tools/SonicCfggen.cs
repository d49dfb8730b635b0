using Swssbox.Cfggen;
using Swssbox.Cfggen.Data;
using Swssbox.Templates;

namespace Swssbox;

/// <summary>
/// sonic-cfggen (sonic-buildimage src/sonic-config-engine/sonic-cfggen): the same options, argparse's parsing
/// rules (abbreviated long options, grouped short flags, mutually exclusive groups, exit 2 with usage) and
/// exit 1 with one line naming file, line and cause on template or data errors.
/// </summary>
public static class SonicCfggen
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("sonic-cfggen", "render Jinja2 templates from SONiC config data (sonic-cfggen)", Help, Run);

    private const string Usage =
        "usage: sonic-cfggen [-h] [-m [MINIGRAPH] | -Y [YANG] | -M DEVICE_DESCRIPTION | -k HWSKU] [-n [NAMESPACE]]\n" +
        "                    [-p [PORT_CONFIG]] [-S [HWSKU_CONFIG]] [-y YAML] [-j JSON] [-a ADDITIONAL_DATA] [-d] [-H]\n" +
        "                    [-s REDIS_UNIX_SOCK_FILE] [-t TEMPLATE | -v VAR | --var-json VAR_JSON | --preset PRESET]\n" +
        "                    [-T TEMPLATE_DIR] [--print-data | -w | -K KEY]\n";

    private const string Help = Usage +
        "\nRender configuration file from minigraph data and jinja2 template.\n\n" +
        "options:\n" +
        "  -h, --help            show this help message and exit\n" +
        "  -k HWSKU, --hwsku HWSKU\n                        HwSKU\n" +
        "  -n [NAMESPACE], --namespace [NAMESPACE]\n                        namespace name\n" +
        "  -p [PORT_CONFIG], --port-config [PORT_CONFIG]\n                        port config file, used with -m or -k\n" +
        "  -y YAML, --yaml YAML  yaml file that contains additional variables\n" +
        "  -j JSON, --json JSON  json file that contains additional variables\n" +
        "  -a ADDITIONAL_DATA, --additional-data ADDITIONAL_DATA\n                        addition data, in json string\n" +
        "  -d, --from-db         read config from configdb\n" +
        "  -H, --platform-info   read platform and hardware info\n" +
        "  -s REDIS_UNIX_SOCK_FILE, --redis-unix-sock-file REDIS_UNIX_SOCK_FILE\n                        unix sock file for redis connection\n" +
        "  -t TEMPLATE, --template TEMPLATE\n                        render the data with the template file\n" +
        "  -T TEMPLATE_DIR, --template_dir TEMPLATE_DIR\n                        search base for the template files\n" +
        "  -v VAR, --var VAR     print the value of a variable, support jinja2 expression\n" +
        "  --var-json VAR_JSON   print the value of a variable, in json format\n" +
        "  --print-data          print all data\n" +
        "  -w, --write-to-db     write config into configdb\n" +
        "  -K KEY, --key KEY     Lookup for a specific key\n";

    // Option table: short, long, takes a value (0 no, 1 required, 2 optional), exclusive group (0 none).
    private static readonly (char Short, string Long, int Value, int Group)[] Options =
    [
        ('m', "--minigraph", 2, 1), ('Y', "--yang", 2, 1), ('M', "--device-description", 1, 1), ('k', "--hwsku", 1, 1),
        ('n', "--namespace", 2, 0), ('p', "--port-config", 2, 0), ('S', "--hwsku-config", 2, 0), ('y', "--yaml", 1, 0),
        ('j', "--json", 1, 0), ('a', "--additional-data", 1, 0), ('d', "--from-db", 0, 0), ('H', "--platform-info", 0, 0),
        ('s', "--redis-unix-sock-file", 1, 0), ('t', "--template", 1, 2), ('T', "--template_dir", 1, 0), ('v', "--var", 1, 2),
        ('\0', "--var-json", 1, 2), ('\0', "--preset", 1, 2), ('\0', "--print-data", 0, 3), ('w', "--write-to-db", 0, 3),
        ('K', "--key", 1, 3), ('h', "--help", 0, 0),
    ];

    private static string Display(int index) =>
        Options[index].Short == '\0' ? Options[index].Long : $"-{Options[index].Short}/{Options[index].Long}";

    private static int Run(ToolContext context, string[] args)
    {
        var options = new CfggenOptions();
        var seenGroup = new Dictionary<int, int>();
        var unrecognized = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                unrecognized.AddRange(args[(i + 1)..]);
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                string name = arg, inline = "";
                bool hasInline = false;
                int eq = arg.IndexOf('=');
                if (eq > 0)
                {
                    name = arg[..eq];
                    inline = arg[(eq + 1)..];
                    hasInline = true;
                }
                int index = Array.FindIndex(Options, o => o.Long == name);
                if (index < 0)
                {
                    var matches = Enumerable.Range(0, Options.Length).Where(n => Options[n].Long.StartsWith(name, StringComparison.Ordinal)).ToList();
                    if (matches.Count > 1)
                        return context.UsageError(Usage, $"ambiguous option: {name} could match {string.Join(", ", matches.Select(n => Options[n].Long))}");
                    if (matches.Count == 0)
                    {
                        unrecognized.Add(arg);
                        continue;
                    }
                    index = matches[0];
                }
                if (Apply(context, options, index, hasInline ? inline : null, args, ref i, seenGroup) is { } rc)
                    return rc;
                continue;
            }
            if (arg.StartsWith('-') && arg.Length > 1)
            {
                for (int c = 1; c < arg.Length; c++)
                {
                    int index = Array.FindIndex(Options, o => o.Short == arg[c]);
                    if (index < 0)
                    {
                        unrecognized.Add(c == 1 ? arg : "-" + arg[c..]);
                        break;
                    }
                    string? attached = Options[index].Value > 0 && c + 1 < arg.Length ? arg[(c + 1)..] : null;
                    if (Apply(context, options, index, attached, args, ref i, seenGroup) is { } rc)
                        return rc;
                    if (Options[index].Value > 0)
                        break;
                }
                continue;
            }
            unrecognized.Add(arg);
        }
        if (unrecognized.Count > 0)
            return context.UsageError(Usage, "unrecognized arguments: " + string.Join(' ', unrecognized));

        try
        {
            new Cfggen.Cfggen(options, context.Out, context.Err).Run();
            return 0;
        }
        catch (TemplateException e)
        {
            return context.Fail(e.Message);
        }
        catch (CfggenDataException e)
        {
            return context.Fail(e.Message);
        }
        catch (Exception e) when (e is not (Sonic.SonicDbException or IOException or UnauthorizedAccessException))
        {
            // A case this port does not model: still one line and exit 1, as Python's traceback would end.
            return context.Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>argparse takes "-1", "-.5" or anything with a space ("-3 + 1") as a value, not an option.</summary>
    private static bool LooksNegative(string arg) =>
        arg.Contains(' ') || arg.Length > 1 && arg[0] == '-' && double.TryParse(arg, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Applies option <paramref name="index"/>; returns an exit code when parsing must stop.</summary>
    private static int? Apply(ToolContext context, CfggenOptions o, int index, string? attached, string[] args, ref int i, Dictionary<int, int> seenGroup)
    {
        var (shortName, longName, takes, group) = Options[index];
        if (group != 0)
        {
            if (seenGroup.TryGetValue(group, out int other) && other != index)
                return context.UsageError(Usage, $"argument {Display(index)}: not allowed with argument {Display(other)}");
            seenGroup[group] = index;
        }
        string? value = attached;
        if (takes > 0 && value is null && i + 1 < args.Length && (!args[i + 1].StartsWith('-') || args[i + 1] == "-" || LooksNegative(args[i + 1])))
            value = args[++i];
        if (takes == 1 && value is null)
            return context.UsageError(Usage, $"argument {Display(index)}: expected one argument");
        switch (longName)
        {
            case "--help":
                context.Out.Write(Help);
                return 0;
            case "--minigraph" or "--yang" or "--device-description" or "--preset" or "--hwsku-config":
                return context.Fail($"{Display(index)} is not supported by this sonic-cfggen (JSON, CONFIG_DB and port_config.ini sources only)");
            case "--namespace":
                if (!string.IsNullOrEmpty(value))
                    return context.Fail("namespaces other than the default are not supported");
                break;
            case "--hwsku": o.Hwsku = value; break;
            case "--port-config": o.PortConfig = value; break;
            case "--yaml": o.Yaml.Add(value!); break;
            case "--json": o.Json.Add(value!); break;
            case "--additional-data": o.AdditionalData = value; break;
            case "--from-db": o.FromDb = true; break;
            case "--platform-info": o.PlatformInfo = true; break;
            case "--redis-unix-sock-file": o.RedisSocket = value; break;
            case "--template":
                var parts = value!.Split(',');
                if (parts.Length > 2)
                    return context.Fail($"-t {value}: ValueError: too many values to unpack (expected 2)");
                o.Templates.Add(new TemplateTarget(parts[0], parts.Length == 2 ? parts[1] : null));
                break;
            case "--template_dir": o.TemplateDir = value; break;
            case "--var": o.Var = value; break;
            case "--var-json": o.VarJson = value; break;
            case "--print-data": o.PrintData = true; break;
            case "--write-to-db": o.WriteToDb = true; break;
            case "--key": o.Key = value; break;
        }
        _ = shortName;
        return null;
    }
}
