namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A network namespace of our own (root only), deleted on dispose. Interfaces are veth pairs (the dummy module may
/// be unavailable); addresses come only from the documentation prefixes 192.0.2.0/24, 198.51.100.0/24, 2001:db8::/32.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    /// <summary>Creates "swssbox-&lt;random&gt;".</summary>
    public NetworkNamespace()
    {
        Name = "swssbox-" + Guid.NewGuid().ToString("N")[..10];
        Check(Run.Process("ip", ["netns", "add", Name]));
        Ip("link", "set", "lo", "up");
    }

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>Runs "ip -n NS ARGS…" and fails the test when it fails.</summary>
    public string Ip(params string[] args) => Check(Run.Process("ip", new[] { "-n", Name }.Concat(args)));

    /// <summary>Runs "ip -n NS -batch FILE" for many commands at once.</summary>
    public void IpBatch(IEnumerable<string> commands)
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, commands);
            Check(Run.Process("ip", ["-n", Name, "-batch", file], timeout: TimeSpan.FromSeconds(120)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Adds veth <paramref name="name"/> with peer <paramref name="peer"/>.</summary>
    public void AddVeth(string name, string peer) => Ip("link", "add", name, "type", "veth", "peer", "name", peer);

    /// <summary>Whether root can create namespaces here (tests needing it are skipped otherwise… but CI runs as root).</summary>
    public static bool Available => Environment.UserName == "root";

    private static string Check(RunResult r)
    {
        if (r.ExitCode != 0)
            throw new InvalidOperationException("ip failed: " + r.Stderr.Trim());
        return r.Stdout;
    }

    /// <inheritdoc />
    public void Dispose() => Run.Process("ip", ["netns", "del", Name]);
}
