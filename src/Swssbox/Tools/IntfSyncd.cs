using Swssbox.Daemons.IntfSyncd;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>intfsyncd: interface addresses (rtnetlink) to APPL_DB INTF_TABLE.</summary>
public static class IntfSyncd
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("intfsyncd", "sync interface addresses to APPL_DB INTF_TABLE (rtnetlink)", Usage, Run);

    private const string Usage = "usage: intfsyncd\n";

    private static int Run(ToolContext context, string[] args)
    {
        if (args.Length > 0)
            return context.UsageError(Usage, $"unrecognized arguments: {string.Join(' ', args)}");
        using var log = context.CreateLogger();
        try
        {
            using var appl = DbConnector.Open("APPL_DB", clientName: "intfsyncd");
            new IntfSync(appl, log).Run();
            return 0;
        }
        catch (Exception e) when (e is Netlink.NetlinkException or Native.NativeCallException)
        {
            log.Error("{Message}", e.Message);
            return context.Fail(e.Message);
        }
    }
}
