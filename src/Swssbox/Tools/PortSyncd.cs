using Swssbox.Daemons;
using Swssbox.Daemons.PortSyncd;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>portsyncd: ports from port_config.ini (or CONFIG_DB) to APPL_DB, netdev state to APPL_DB and STATE_DB.</summary>
public static class PortSyncd
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("portsyncd", "publish ports to APPL_DB and follow their netdevs (rtnetlink)", Usage, Run);

    private const string Usage =
        "Usage: portsyncd [-p port_config.ini]\n" +
        "       -p port_config.ini: import port lane mapping\n" +
        "                           use configDB data if not specified\n";

    private static int Run(ToolContext context, string[] args)
    {
        string? file = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-p" when i + 1 < args.Length: file = args[++i]; break;
                case var a when a.StartsWith("-p", StringComparison.Ordinal) && a.Length > 2: file = a[2..]; break;
                case "-h": context.Out.Write(Usage); return 0;
                default: return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
            }
        }
        using var log = context.CreateLogger();
        try
        {
            // The two connections needed before PortConfigDone handshake in parallel; STATE_DB is opened on first use.
            var configOpening = Task.Run(() => DbConnector.Open("CONFIG_DB", clientName: "portsyncd"));
            using var appl = DbConnector.Open("APPL_DB", clientName: "portsyncd");
            using var config = configOpening.GetAwaiter().GetResult();
            DbConnector? state = null;
            try
            {
                new PortSync(appl, config, () => state ??= appl.OpenSibling("STATE_DB"), log).Run(file);
            }
            finally
            {
                state?.Dispose();
            }
            return 0;
        }
        catch (ConfigFileException e)
        {
            log.Error("{Message}", e.Message);
            return context.Fail(e.Message);
        }
        catch (Exception e) when (e is Netlink.NetlinkException or Native.NativeCallException)
        {
            log.Error("{Message}", e.Message);
            return context.Fail(e.Message);
        }
    }
}
