using Swssbox.Daemons;
using Swssbox.Daemons.NeighSyncd;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>neighsyncd: kernel neighbours (rtnetlink) to APPL_DB NEIGH_TABLE.</summary>
public static class NeighSyncd
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("neighsyncd", "sync kernel neighbours to APPL_DB NEIGH_TABLE (rtnetlink)", Usage, Run);

    private const string Usage =
        "usage: neighsyncd [--restore-file FILE]\n" +
        "  --restore-file FILE  neighbours saved by fast-reboot, published first when FILE exists (default /arp.json)\n";

    private static int Run(ToolContext context, string[] args)
    {
        string restore = "/arp.json";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--restore-file" && i + 1 < args.Length)
                restore = args[++i];
            else
                return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
        }
        using var log = context.CreateLogger();
        try
        {
            using var appl = DbConnector.Open("APPL_DB", clientName: "neighsyncd");
            new NeighSync(appl, log).Run(restore);
            return 0;
        }
        catch (Exception e) when (e is ConfigFileException or Netlink.NetlinkException or Native.NativeCallException)
        {
            log.Error("{Message}", e.Message);
            return context.Fail(e.Message);
        }
    }
}
