using System.Globalization;
using Serilog;
using Swssbox.Netlink;
using Swssbox.Notify;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.PortSyncd;

/// <summary>
/// portsyncd (sonic-swss portsyncd.cpp + linksync.cpp): publishes the configured ports to APPL_DB PORT_TABLE and
/// PortConfigDone, follows the front-panel netdevs over rtnetlink (APPL_DB admin_status/mtu, STATE_DB
/// PORT_TABLE state/netdev_oper_status/admin_status/mtu), announces PortInitDone once every port's netdev exists,
/// and forwards CONFIG_DB PORT edits. One thread, one loop.
/// </summary>
public sealed class PortSync(DbConnector appl, DbConnector config, Func<DbConnector> openState, ILogger log)
{
    private const string PortTable = "PORT_TABLE";
    private readonly ProducerStateTable _appPorts = new(appl, PortTable);
    private Table? _statePortsTable;
    private readonly HashSet<string> _configured = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pendingHostIfs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, KeyOpFieldsValues> _pendingConfig = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ifindex = new(StringComparer.Ordinal);
    private NetlinkSocket? _requests;
    private bool _initDone;

    /// <summary>Set when the loop should end (tests, signals).</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Runs until <see cref="Stopping"/>. <paramref name="portConfigFile"/> null: ports come from CONFIG_DB PORT.</summary>
    public void Run(string? portConfigFile)
    {
        using var events = NetlinkSocket.Open(RtnlGroups.Link);
        using var requests = NetlinkSocket.Open(RtnlGroups.None);
        _requests = requests;
        log.Information("Listen to link messages...");

        // PortConfigDone first: orchagent waits for it. STATE_DB and the CONFIG_DB subscription come after (the
        // subscription starts by reading the whole PORT table, so nothing written meanwhile is missed).
        PublishPorts(portConfigFile is null ? FromConfigDb() : Merge(PortConfigFile.Load(portConfigFile)));
        using var portConfig = new SubscriberStateTable(config, "PORT");

        requests.Dump(RtmType.GetLink, Rtnl.AfUnspec, OnMessage);
        CheckInitDone();
        SdNotify.Ready();

        while (!Stopping.IsCancellationRequested)
        {
            int received = events.Receive(100, OnMessage);
            if (received < 0)
            {
                log.Warning("netlink receive buffer overrun: reading every link again");
                requests.Dump(RtmType.GetLink, Rtnl.AfUnspec, OnMessage);
            }
            foreach (var entry in portConfig.Pops())
                _pendingConfig[entry.Key] = entry; // a newer edit of the same port replaces the pending one
            CheckInitDone();
            ForwardConfig();
        }
    }

    /// <summary>File ports with CONFIG_DB PORT attributes laid over them (CONFIG_DB wins, as it does in SONiC today).</summary>
    private List<PortEntry> Merge(IReadOnlyList<PortEntry> filePorts)
    {
        var table = new Table(config, "PORT");
        var merged = new List<PortEntry>(filePorts.Count);
        foreach (var port in filePorts)
        {
            var fields = port.Fields.ToList();
            if (table.Get(port.Name) is { } overrides)
            {
                foreach (var fv in overrides)
                {
                    int at = fields.FindIndex(f => f.Field == fv.Field);
                    if (at >= 0)
                        fields[at] = fv;
                    else
                        fields.Add(fv);
                }
            }
            merged.Add(new PortEntry(port.Name, fields));
        }
        return merged;
    }

    private List<PortEntry> FromConfigDb()
    {
        var table = new Table(config, "PORT");
        var ports = new List<PortEntry>();
        foreach (string key in table.Keys())
        {
            if (table.Get(key) is { } fields)
                ports.Add(new PortEntry(key, fields));
        }
        if (ports.Count == 0)
            log.Information("ConfigDB does not have port information, however ports can be added later on, continuing...");
        return ports;
    }

    private void PublishPorts(IReadOnlyList<PortEntry> ports)
    {
        var batch = new List<(string, IReadOnlyList<FieldValue>)>(ports.Count + 1);
        foreach (var port in ports)
        {
            batch.Add((port.Name, port.Fields));
            _configured.Add(port.Name);
            _pendingHostIfs.Add(port.Name);
        }
        // One script call for all ports and PortConfigDone: orchagent sees them together.
        batch.Add(("PortConfigDone", [new FieldValue("count", ports.Count.ToString(CultureInfo.InvariantCulture))]));
        _appPorts.Set(batch);
        log.Information("PortConfigDone: {Count} ports", ports.Count);
    }

    private Table StatePorts => _statePortsTable ??= new Table(openState(), PortTable);

    private void OnMessage(NetlinkMessage message)
    {
        if (LinkMessage.Parse(message) is not { } link)
            return;
        // Front-panel ports and PortChannels only; teamd's own netdevs belong to teamsyncd.
        if (!link.Name.StartsWith("Ethernet", StringComparison.Ordinal) && !link.Name.StartsWith("PortChannel", StringComparison.Ordinal))
            return;
        if (link.Kind == "team")
            return;
        log.Debug("nlmsg key:{Name} admin:{Admin} oper:{Oper} ifindex:{Index} master:{Master} deleted:{Deleted}",
            link.Name, link.AdminUp, link.OperUp, link.Index, link.Master, link.Deleted);
        if (link.Deleted)
            _ifindex.Remove(link.Name);
        else
            _ifindex[link.Name] = link.Index;
        if (link.Deleted)
        {
            // A port leaving a bridge or LAG is reported as a DELLINK with a master: not a removal.
            if (link.Master != 0)
                return;
            StatePorts.Del(link.Name);
            log.Information("Delete {Name}(ok) from state db", link.Name);
            return;
        }
        // Only ports we published: eth0, lo and unconfigured netdevs are not in PORT_TABLE.
        if (!_configured.Contains(link.Name))
        {
            log.Information("Cannot find {Name} in port table", link.Name);
            return;
        }
        _pendingHostIfs.Remove(link.Name);
        string admin = link.AdminUp ? "up" : "down";
        string mtu = link.Mtu.ToString(CultureInfo.InvariantCulture);
        _appPorts.Set(link.Name, [new("admin_status", admin), new("mtu", mtu)]);
        var fields = new List<FieldValue>
        {
            new("state", "ok"), new("netdev_oper_status", link.OperUp ? "up" : "down"), new("admin_status", admin), new("mtu", mtu),
        };
        if (link.CarrierChanges is { } changes)
            fields.Add(new FieldValue("carrier_changes", changes.ToString(CultureInfo.InvariantCulture)));
        StatePorts.Set(link.Name, fields);
        log.Information("Publish {Name}(ok:{Oper}) to state db", link.Name, link.OperUp ? "up" : "down");
    }

    private void CheckInitDone()
    {
        if (_initDone || _pendingHostIfs.Count > 0)
            return;
        _appPorts.Set("PortInitDone", [new FieldValue("lanes", "0")]);
        _initDone = true;
        log.Information("PortInitDone");
    }

    /// <summary>CONFIG_DB PORT edits go to PORT_TABLE once the port's netdev exists; deletes are not supported (as in SONiC).</summary>
    private void ForwardConfig()
    {
        foreach (var (key, entry) in _pendingConfig.ToList())
        {
            if (_pendingHostIfs.Contains(key))
                continue;
            _pendingConfig.Remove(key);
            if (entry.Op != TableOp.Set)
                continue;
            _appPorts.Set(key, AutonegFilter(entry.Fields));
            if (entry.Get("mtu") is { } mtu)
                SetNetdevMtu(key, mtu);
        }
    }

    /// <summary>201807's portsyncd ran "ip link set PORT mtu N" for a CONFIG_DB mtu; we send the same request.</summary>
    private void SetNetdevMtu(string port, string text)
    {
        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint mtu))
        {
            log.Error("CONFIG_DB PORT|{Port} mtu '{Mtu}' is not a number: not applied to the netdev", port, text);
            return;
        }
        if (!_ifindex.TryGetValue(port, out int index) || _requests is null)
            return;
        try
        {
            _requests.SetLinkMtu(index, mtu);
        }
        catch (NetlinkException e)
        {
            log.Error("{Message} ({Port})", e.Message, port);
        }
    }

    /// <summary>
    /// portsyncd's handlePortConfig: with autoneg on only adv_speeds/adv_interface_types go down, with autoneg off
    /// only speed/interface_type, unset both.
    /// </summary>
    public static IReadOnlyList<FieldValue> AutonegFilter(IReadOnlyList<FieldValue> fields)
    {
        var common = new List<FieldValue>();
        var autoneg = new List<FieldValue>();
        var forced = new List<FieldValue>();
        string? mode = null;
        foreach (var fv in fields)
        {
            switch (fv.Field)
            {
                case "adv_speeds" or "adv_interface_types": autoneg.Add(fv); break;
                case "speed" or "interface_type": forced.Add(fv); break;
                case "autoneg": mode = fv.Value; common.Add(fv); break;
                default: common.Add(fv); break;
            }
        }
        if (mode != "off")
            common.AddRange(autoneg);
        if (mode != "on")
            common.AddRange(forced);
        return common;
    }
}
