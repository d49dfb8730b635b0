using Serilog;
using Swssbox.Daemons.Common;
using Swssbox.Netlink;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox.Daemons.NeighSyncd;

/// <summary>
/// neighsyncd (sonic-swss neighsyncd/neighsync.cpp): kernel neighbours to APPL_DB NEIGH_TABLE:&lt;ifname&gt;:&lt;ip&gt;
/// {neigh: mac, family: IPv4|IPv6}. IPv6 link-local and link-local multicast neighbours are skipped; an entry is
/// deleted on RTM_DELNEIGH or when it turns INCOMPLETE or FAILED; broadcast-MAC entries are ignored.
/// </summary>
public sealed class NeighSync(DbConnector appl, ILogger log)
{
    private readonly ProducerStateTable _table = new(appl, "NEIGH_TABLE", buffered: true);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    // Consecutive sets go out as one batched-set script call (swss-common's batched set): a burst of 10,000
    // neighbours is ~40 Redis calls, not 10,000, and little is held in flight.
    private readonly List<(string, IReadOnlyList<FieldValue>)> _sets = new();
    private const int MaxBatch = 256;
    // Batches in flight before waiting for Redis: deep enough to keep the pipe full, shallow enough that a burst
    // is not held in memory whole (RSS grew by ~0.7 KB per neighbour when everything waited for the quiet moment).
    private const int MaxUnflushedBatches = 4;
    private int _unflushed;
    private HashSet<string>? _seenInResync;

    /// <summary>Set when the loop should end.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>
    /// Publishes the warm/fast-reboot neighbour file (swssconfig format; the fast-reboot dump writes NEIGH_TABLE
    /// entries) when it exists, then follows the kernel.
    /// </summary>
    public void Run(string? restoreFile)
    {
        if (restoreFile is not null && File.Exists(restoreFile))
        {
            int restored = 0;
            foreach (var op in SwssConfig.SwssConfigFile.Load(restoreFile))
            {
                if (op.Table != "NEIGH_TABLE")
                    continue;
                if (op.Delete)
                    _table.Del(op.Key);
                else
                    _table.Set(op.Key, op.Fields);
                restored++;
            }
            _table.Flush();
            log.Information("restored {Count} neighbours from {File}", restored, restoreFile);
        }
        new NetlinkSyncLoop(log, RtnlGroups.Neigh, [RtmType.GetNeigh])
        {
            Stopping = Stopping,
            Handle = OnMessage,
            Flushing = Flush,
            BeginResync = () => _seenInResync = new HashSet<string>(StringComparer.Ordinal),
            EndResync = EndResync,
        }.Run();
    }

    private void OnMessage(NetlinkMessage message, LinkCache links)
    {
        if (NeighbourMessage.Parse(message) is not { Destination: { } ip } neigh)
            return;
        string family;
        if (neigh.Family == Rtnl.AfInet)
            family = "IPv4";
        else if (neigh.Family == Rtnl.AfInet6)
            family = "IPv6";
        else
            return;
        if (family == "IPv6" && (AddressText.IsIpv6LinkLocal(ip) || AddressText.IsIpv6MulticastLinkLocal(ip)))
            return;
        string key = links.NameOf(neigh.Index) + ":" + ip;
        bool delete = neigh.Deleted || neigh.State == Rtnl.NudIncomplete || neigh.State == Rtnl.NudFailed;
        if (delete)
        {
            _published.Remove(key);
            SendSets(); // keep the order: a pending set of this key must not overtake its delete
            _table.Del(key); // unconditional, as SONiC: the entry may come from a previous run or the restore file
            return;
        }
        string? mac = neigh.LinkLayerText;
        // An entry without a link-layer address (NOARP or not yet resolved) has nothing to program; broadcast
        // MAC entries are the kernel's directed-broadcast trigger, which SONiC ignores.
        if (mac is null || mac == "ff:ff:ff:ff:ff:ff")
            return;
        _seenInResync?.Add(key);
        _published.Add(key);
        _sets.Add((key, [new FieldValue("neigh", mac), new FieldValue("family", family)]));
        if (_sets.Count >= MaxBatch)
            SendSets();
    }

    private void SendSets()
    {
        if (_sets.Count == 0)
            return;
        _table.Set(_sets.ToArray());
        _sets.Clear();
        if (++_unflushed >= MaxUnflushedBatches)
            Flush();
    }

    private void Flush()
    {
        if (_sets.Count > 0)
        {
            _table.Set(_sets.ToArray());
            _sets.Clear();
        }
        _table.Flush();
        _unflushed = 0;
    }

    private void EndResync()
    {
        foreach (string gone in _published.Where(k => !_seenInResync!.Contains(k)).ToList())
        {
            _published.Remove(gone);
            SendSets();
            _table.Del(gone);
        }
        _seenInResync = null;
    }
}
