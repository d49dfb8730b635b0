namespace Swssbox.Netlink;

/// <summary>rtnetlink message types (linux/rtnetlink.h) that the sync daemons handle.</summary>
public enum RtmType : ushort
{
    /// <summary>NLMSG_NOOP.</summary>
    Noop = 1,
    /// <summary>NLMSG_ERROR: an error (or ack) for a request.</summary>
    Error = 2,
    /// <summary>NLMSG_DONE: the end of a dump.</summary>
    Done = 3,
    /// <summary>NLMSG_OVERRUN.</summary>
    Overrun = 4,
    /// <summary>RTM_NEWLINK.</summary>
    NewLink = 16,
    /// <summary>RTM_DELLINK.</summary>
    DelLink = 17,
    /// <summary>RTM_GETLINK (dump request).</summary>
    GetLink = 18,
    /// <summary>RTM_NEWADDR.</summary>
    NewAddr = 20,
    /// <summary>RTM_DELADDR.</summary>
    DelAddr = 21,
    /// <summary>RTM_GETADDR (dump request).</summary>
    GetAddr = 22,
    /// <summary>RTM_NEWNEIGH.</summary>
    NewNeigh = 28,
    /// <summary>RTM_DELNEIGH.</summary>
    DelNeigh = 29,
    /// <summary>RTM_GETNEIGH (dump request).</summary>
    GetNeigh = 30,
}

/// <summary>Legacy multicast group bits (RTMGRP_*) for the bind-time group mask.</summary>
[Flags]
public enum RtnlGroups : uint
{
    /// <summary>No group: a socket for requests only.</summary>
    None = 0,
    /// <summary>RTMGRP_LINK: link changes.</summary>
    Link = 0x1,
    /// <summary>RTMGRP_NEIGH: neighbour changes.</summary>
    Neigh = 0x4,
    /// <summary>RTMGRP_IPV4_IFADDR: IPv4 address changes.</summary>
    Ipv4Address = 0x10,
    /// <summary>RTMGRP_IPV6_IFADDR: IPv6 address changes.</summary>
    Ipv6Address = 0x100,
}

/// <summary>Constants from linux/netlink.h, linux/if.h, linux/if_addr.h, linux/neighbour.h.</summary>
public static class Rtnl
{
    /// <summary>NETLINK_ROUTE protocol number.</summary>
    public const int NetlinkRoute = 0;
    /// <summary>NLM_F_REQUEST.</summary>
    public const ushort FlagRequest = 0x1;
    /// <summary>NLM_F_ACK: ask for an NLMSG_ERROR reply (0 = success).</summary>
    public const ushort FlagAck = 0x4;
    /// <summary>NLM_F_MULTI: part of a multipart reply.</summary>
    public const ushort FlagMulti = 0x2;
    /// <summary>NLM_F_DUMP (ROOT | MATCH).</summary>
    public const ushort FlagDump = 0x300;
    /// <summary>AF_INET.</summary>
    public const byte AfInet = 2;
    /// <summary>AF_INET6.</summary>
    public const byte AfInet6 = 10;
    /// <summary>AF_UNSPEC: all families in a dump.</summary>
    public const byte AfUnspec = 0;
    /// <summary>IFF_UP: administratively up.</summary>
    public const uint IffUp = 0x1;
    /// <summary>IFF_RUNNING: operationally up (carrier).</summary>
    public const uint IffRunning = 0x40;
    /// <summary>RT_SCOPE_UNIVERSE: a global address.</summary>
    public const byte ScopeUniverse = 0;
    /// <summary>NUD_INCOMPLETE.</summary>
    public const ushort NudIncomplete = 0x01;
    /// <summary>NUD_FAILED.</summary>
    public const ushort NudFailed = 0x20;
    /// <summary>NUD_NOARP.</summary>
    public const ushort NudNoArp = 0x40;
}
