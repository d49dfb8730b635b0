namespace Swssbox;

/// <summary>
/// start.sh of SONiC 201807's docker-orchagent, natively: render switch.json, ipinip.json and ports.json from
/// CONFIG_DB, then `supervisorctl start` each program in the seed's order, arp_update only when CONFIG_DB has a
/// VLAN. It runs the sonic-cfggen and supervisorctl tools in this process (one CONFIG_DB read for all three
/// templates, no interpreter and no child process per step); their output is exactly what they print as tools.
/// </summary>
public static class SwssStartSh
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("start.sh", "the swss container's start.sh: render configs, start programs in order", Usage, Run);

    /// <summary>The seed's program order (201807 start.sh); arp_update follows when a VLAN exists.</summary>
    public static readonly string[] Programs =
        ["rsyslogd", "orchagent", "portsyncd", "intfsyncd", "neighsyncd", "swssconfig", "vlanmgrd", "intfmgrd", "buffermgrd", "enable_counters"];

    private static readonly string[] Templates = ["switch", "ipinip", "ports"];

    private const string Usage =
        "usage: start.sh [--templates DIR] [--config-dir DIR] [-c SUPERVISORD_CONF]\n" +
        "\n" +
        "As SONiC's docker-orchagent start.sh: renders switch.json, ipinip.json and ports.json from CONFIG_DB\n" +
        "(sonic-cfggen -d -t DIR/X.json.j2,CONFIG_DIR/X.json), then runs `supervisorctl start` for rsyslogd,\n" +
        "orchagent, portsyncd, intfsyncd, neighsyncd, swssconfig, vlanmgrd, intfmgrd, buffermgrd, enable_counters,\n" +
        "and arp_update when CONFIG_DB has a VLAN. A step that fails is reported and the next one runs, as the\n" +
        "script did; the exit status is 1 when any step failed. A program the supervisord config lacks is\n" +
        "reported by supervisorctl (no such process) and skipped.\n" +
        "\n" +
        "  --templates DIR    template folder (default /usr/share/sonic/templates)\n" +
        "  --config-dir DIR   output folder (default /etc/swss/config.d)\n" +
        "  -c FILE            supervisord.conf for supervisorctl (default: supervisorctl's search)\n";

    private static int Run(ToolContext context, string[] args)
    {
        string templates = "/usr/share/sonic/templates", configDir = "/etc/swss/config.d";
        string? supervisorConf = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? Next() => ++i < args.Length ? args[i] : null;
            switch (args[i])
            {
                case "--templates": templates = Next() ?? ""; break;
                case "--config-dir": configDir = Next() ?? ""; break;
                case "-c": supervisorConf = Next(); break;
                default: return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
            }
        }
        if (templates.Length == 0 || configDir.Length == 0 || (supervisorConf is not null && supervisorConf.Length == 0))
            return context.UsageError(Usage, "an option is missing its value");

        bool failed = false;
        Directory.CreateDirectory(configDir);
        var render = new List<string> { "-d" };
        foreach (string t in Templates)
            render.AddRange(["-t", $"{Path.Combine(templates, t + ".json.j2")},{Path.Combine(configDir, t + ".json")}"]);
        failed |= SonicCfggen.Tool.Main(context, [.. render]) != 0;

        // rsyslogd's stale pid file, as the script removed it before starting rsyslogd.
        File.Delete("/var/run/rsyslogd.pid");

        foreach (string program in Programs)
            failed |= Start(context, supervisorConf, program) != 0;

        var vlans = new StringWriter();
        var query = new ToolContext(context.Name, vlans, context.Err);
        if (SonicCfggen.Tool.Main(query, ["-d", "-v", "VLAN.keys() | join(\" \") if VLAN"]) != 0)
            failed = true;
        else if (vlans.ToString().Trim().Length > 0)
            failed |= Start(context, supervisorConf, "arp_update") != 0;
        return failed ? 1 : 0;
    }

    /// <summary>
    /// `supervisorctl start PROGRAM`, its output passed through. A program the config does not have ("ERROR (no
    /// such process)") is skipped, not a failure: the image holds only the programs swssbox has.
    /// </summary>
    private static int Start(ToolContext context, string? supervisorConf, string program)
    {
        var output = new StringWriter();
        int status = Supervisorctl.Tool.Main(new ToolContext(context.Name, output, context.Err),
            supervisorConf is null ? ["start", program] : ["-c", supervisorConf, "start", program]);
        context.Out.Write(output.ToString());
        return status != 0 && output.ToString().Contains("ERROR (no such process)", StringComparison.Ordinal) ? 0 : status;
    }
}
