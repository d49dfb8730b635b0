using Serilog;
using Swssbox.Daemons.Common;
using Swssbox.Netlink;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.IntfSyncd;

/// <summary>
/// intfsyncd (sonic-swss 201807 intfsyncd/intfsync.cpp): interface addresses to APPL_DB
/// INTF_TABLE:&lt;ifname&gt;:&lt;address&gt; {scope: global, family: IPv4|IPv6}, removed on RTM_DELADDR. Only
/// universe-scope addresses (so no link-local), and only on front-panel, VLAN, PortChannel and Loopback
/// interfaces (never eth0, docker0 or lo). The address text is libnl's: "/len" unless it is a host address.
/// </summary>
public sealed class IntfSync(DbConnector appl, ILogger log)
{
    private static readonly string[] Prefixes = ["Ethernet", "Vlan", "PortChannel", "Loopback"];
    private readonly ProducerStateTable _table = new(appl, "INTF_TABLE", buffered: true);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private HashSet<string>? _seenInResync;

    /// <summary>Set when the loop should end.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Follows the kernel's addresses until <see cref="Stopping"/>.</summary>
    public void Run() =>
        new NetlinkSyncLoop(log, RtnlGroups.Ipv4Address | RtnlGroups.Ipv6Address, [RtmType.GetAddr])
        {
            Stopping = Stopping,
            Handle = OnMessage,
            Flushing = _table.Flush,
            BeginResync = () => _seenInResync = new HashSet<string>(StringComparer.Ordinal),
            EndResync = EndResync,
        }.Run();

    private void OnMessage(NetlinkMessage message, LinkCache links)
    {
        if (AddressMessage.Parse(message) is not { } address)
            return;
        if (address.Scope != Rtnl.ScopeUniverse)
            return;
        string family;
        if (address.Family == Rtnl.AfInet)
            family = "IPv4";
        else if (address.Family == Rtnl.AfInet6)
            family = "IPv6";
        else
            return;
        string name = links.NameOf(address.Index);
        if (!Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            return;
        string key = name + ":" + address.Text;
        if (address.Deleted)
        {
            _published.Remove(key);
            _table.Del(key);
            log.Information("del {Key}", key);
            return;
        }
        _seenInResync?.Add(key);
        _published.Add(key);
        _table.Set(key, [new FieldValue("scope", "global"), new FieldValue("family", family)]);
        log.Information("set {Key}", key);
    }

    private void EndResync()
    {
        foreach (string gone in _published.Where(k => !_seenInResync!.Contains(k)).ToList())
        {
            _published.Remove(gone);
            _table.Del(gone);
        }
        _seenInResync = null;
    }
}
