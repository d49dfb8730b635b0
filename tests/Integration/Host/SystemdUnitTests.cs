using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Host;

/// <summary>
/// systemd/*.service checked by `systemd-analyze verify`, with the ExecStart paths pointed at the published tool
/// links (out/bin) and stub units for the SONiC services they order against (updategraph, interfaces-config).
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-units-").FullName;

    private RunResult Verify(params string[] units) =>
        Run.Process("systemd-analyze", new[] { "verify" }.Concat(units.Select(u => Path.Combine(_dir, u))),
            env: new Dictionary<string, string> { ["SYSTEMD_UNIT_PATH"] = _dir + ":" });

    private void Stage()
    {
        string bin = Path.GetDirectoryName(Repo.Binary)!;
        foreach (string unit in Directory.GetFiles(Path.Combine(Repo.Root, "systemd"), "*.service"))
            File.WriteAllText(Path.Combine(_dir, Path.GetFileName(unit)), File.ReadAllText(unit).Replace("/usr/bin/", bin + "/"));
        foreach (string stub in new[] { "updategraph", "interfaces-config", "docker" })
        {
            if (!File.Exists(Path.Combine(_dir, stub + ".service")))
                File.WriteAllText(Path.Combine(_dir, stub + ".service"), "[Service]\nType=oneshot\nExecStart=/bin/true\n");
        }
    }

    [Fact]
    public void Units_verify_clean_with_SONiC_ordering()
    {
        Assert.True(File.Exists("/usr/bin/systemd-analyze"), "systemd is not installed (apt-get install systemd)");
        Stage();
        var r = Verify("database.service", "swss.service", "syncd.service");
        Assert.True(r.ExitCode == 0 && r.Stderr.Length == 0 && r.Stdout.Length == 0, r.Stdout + r.Stderr);
        string swss = File.ReadAllText(Path.Combine(_dir, "swss.service"));
        Assert.Contains("Requires=database.service updategraph.service\n", swss);
        Assert.Contains("After=database.service updategraph.service\n", swss);
        Assert.Contains("Type=notify\n", swss);
        Assert.Contains("After=database.service swss.service\n", File.ReadAllText(Path.Combine(_dir, "syncd.service")));
    }

    [Fact]
    public void Verify_catches_a_broken_unit()
    {
        Stage();
        string path = Path.Combine(_dir, "swss.service");
        File.WriteAllText(path, File.ReadAllText(path).Replace("swss.sh attach", "swss.sh.missing attach"));
        var r = Verify("swss.service");
        Assert.Contains("is not executable", r.Stderr);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_dir, true);
}
