namespace Swssbox.Netlink;

/// <summary>
/// ifindex → name, as libnl's link cache gives SONiC's daemons (swss-common LinkCache): filled by a dump,
/// kept current from link notifications, refilled once on a miss.
/// </summary>
public sealed class LinkCache
{
    private readonly Dictionary<int, string> _names = new();
    private readonly NetlinkSocket _requests;

    /// <summary>A cache that dumps through <paramref name="requests"/> (a socket without groups).</summary>
    public LinkCache(NetlinkSocket requests)
    {
        _requests = requests;
        Refill();
    }

    /// <summary>Applies a link notification.</summary>
    public void Update(LinkMessage link)
    {
        if (link.Deleted)
            _names.Remove(link.Index);
        else
            _names[link.Index] = link.Name;
    }

    /// <summary>The name of <paramref name="index"/>; its decimal index when unknown even after a refill (as libnl prints it).</summary>
    public string NameOf(int index)
    {
        if (_names.TryGetValue(index, out var name))
            return name;
        Refill();
        return _names.TryGetValue(index, out name) ? name : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads every link again.</summary>
    public void Refill()
    {
        _names.Clear();
        _requests.Dump(RtmType.GetLink, Rtnl.AfUnspec, m =>
        {
            if (LinkMessage.Parse(m) is { } link)
                _names[link.Index] = link.Name;
        });
    }
}
