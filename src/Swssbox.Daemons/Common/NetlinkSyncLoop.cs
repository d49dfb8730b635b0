using Serilog;
using Swssbox.Netlink;
using Swssbox.Notify;

namespace Swssbox.Daemons.Common;

/// <summary>
/// The loop shared by intfsyncd and neighsyncd (swss-common NetLink + Select): join the groups first, then dump
/// what exists (so nothing falls between dump and notifications), then handle notifications as they come.
/// Updates are pipelined; <see cref="Flushing"/> runs whenever the socket has gone quiet, so a burst costs one
/// wait on Redis, not one per message. A receive-buffer overrun triggers a full resync.
/// </summary>
public sealed class NetlinkSyncLoop(ILogger log, RtnlGroups groups, RtmType[] dumps)
{
    /// <summary>Set when the loop should end.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Called for every message (dump replies and notifications alike).</summary>
    public required Action<NetlinkMessage, LinkCache> Handle { get; init; }

    /// <summary>Sends everything pending to Redis.</summary>
    public required Action Flushing { get; init; }

    /// <summary>Before a resync dump: lets the handler remember what it had published.</summary>
    public Action? BeginResync { get; init; }

    /// <summary>After a resync dump: lets the handler delete what is no longer there.</summary>
    public Action? EndResync { get; init; }

    /// <summary>Runs until <see cref="Stopping"/>.</summary>
    public void Run()
    {
        using var events = NetlinkSocket.Open(groups | RtnlGroups.Link);
        using var requests = NetlinkSocket.Open(RtnlGroups.None);
        var links = new LinkCache(requests);
        NetlinkHandler handler = m =>
        {
            if (LinkMessage.Parse(m) is { } link)
                links.Update(link);
            Handle(m, links);
        };
        Dump(requests, handler);
        Flushing();
        SdNotify.Ready();
        bool pending = false;
        while (!Stopping.IsCancellationRequested)
        {
            int received = events.Receive(pending ? 0 : 500, handler);
            if (received < 0)
            {
                log.Warning("netlink receive buffer overrun: dumping again to resynchronise");
                BeginResync?.Invoke();
                links.Refill();
                Dump(requests, handler);
                EndResync?.Invoke();
                pending = true;
                continue;
            }
            if (received > 0)
            {
                pending = true;
                continue;
            }
            if (pending)
            {
                Flushing();
                pending = false;
            }
        }
    }

    private void Dump(NetlinkSocket requests, NetlinkHandler handler)
    {
        foreach (var request in dumps)
            requests.Dump(request, Rtnl.AfUnspec, handler);
    }
}
