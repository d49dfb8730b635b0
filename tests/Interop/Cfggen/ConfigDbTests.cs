using System.Diagnostics;
using Swssbox.Tests.Integration.Fixtures;
using Swssbox.Tests.Interop.Fixtures;

namespace Swssbox.Tests.Interop.Cfggen;

/// <summary>
/// sonic-cfggen against a real redis-server: -w writes CONFIG_DB as SONiC's mod_config does, -d waits for
/// CONFIG_DB_INITIALIZED and reads it back as the pipe connector does (byte-ordered, tuple keys, @ lists),
/// and templates rendered from -d match Python Jinja2 given the same view of the data.
/// </summary>
public sealed class ConfigDbTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private static readonly string Dir = CfggenCase.Dir;

    private RunResult Cfggen(params string[] args) => Run.Swssbox(["sonic-cfggen", .. args], env: _redis.Environment);

    private string Cli(params string[] args) => _redis.Cli(["-n", "4", .. args]).TrimEnd('\n');

    [Fact]
    public void Write_to_db_uses_sonic_field_encoding()
    {
        var run = Cfggen("-j", Path.Combine(Dir, "data/bfn64.config_db.json"), "-w");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("100000", Cli("HGET", "PORT|Ethernet0", "speed"));
        Assert.Equal("Ethernet64,Ethernet68,Ethernet72,Ethernet76,Ethernet80,Ethernet84,Ethernet88,Ethernet92", Cli("HGET", "VLAN|Vlan1000", "members@"));
        Assert.Equal("NULL", Cli("HGET", "LOOPBACK_INTERFACE|Loopback0|10.1.0.32/32", "NULL"));
        Assert.Equal("untagged", Cli("HGET", "VLAN_MEMBER|Vlan1000|Ethernet64", "tagging_mode"));
        Assert.Equal("", Cli("GET", "CONFIG_DB_INITIALIZED"));
    }

    [Fact]
    public void From_db_renders_like_python_on_the_same_config_db_view()
    {
        string json = Path.Combine(Dir, "data/t0.config_db.json");
        Assert.Equal(0, Cfggen("-j", json, "-w").ExitCode);
        Cli("SET", "CONFIG_DB_INITIALIZED", "1");
        foreach (var name in new[] { "056-t0-vlan-config", "057-t0-portchannel", "063-tuple-key-order", "023-dict-methods" })
        {
            string template = Path.Combine(Dir, "inputs", name + ".j2");
            var ours = Cfggen("-d", "-t", template);
            var python = Run.Process(Oracle.Python, [Path.Combine(Dir, "oracle.py"), "--db-view", json, "-t", template]);
            Assert.True(ours.ExitCode == python.ExitCode, $"{name}: {ours.Stderr} | {python.Stderr}");
            Assert.Equal(python.Stdout, ours.Stdout);
        }
        var print = Cfggen("-d", "--print-data");
        var pythonPrint = Run.Process(Oracle.Python, [Path.Combine(Dir, "oracle.py"), "--db-view", json, "--print-data"]);
        Assert.Equal(pythonPrint.Stdout, print.Stdout);
        var v = Cfggen("-d", "-v", "VLAN_INTERFACE");
        var pythonV = Run.Process(Oracle.Python, [Path.Combine(Dir, "oracle.py"), "--db-view", json, "-v", "VLAN_INTERFACE"]);
        Assert.Equal(pythonV.Stdout, v.Stdout);
    }

    [Fact]
    public void From_db_waits_for_config_db_initialized()
    {
        Assert.Equal(0, Cfggen("-a", "{\"DEVICE_METADATA\":{\"localhost\":{\"hwsku\":\"mavericks\"}}}", "-w").ExitCode);
        var psi = new ProcessStartInfo(Repo.Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "sonic-cfggen", "-d", "-v", "DEVICE_METADATA['localhost']['hwsku']" })
            psi.ArgumentList.Add(a);
        psi.Environment["SONIC_DB_CONFIG_FILE"] = _redis.ConfigFile;
        using var p = Process.Start(psi)!;
        Assert.False(p.WaitForExit(700), "sonic-cfggen -d returned before CONFIG_DB_INITIALIZED was set");
        Cli("SET", "CONFIG_DB_INITIALIZED", "1");
        Assert.True(p.WaitForExit(10000));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("mavericks\n", p.StandardOutput.ReadToEnd());
    }

    [Fact]
    public void Socket_option_overrides_the_configured_path()
    {
        Cli("HSET", "DEVICE_METADATA|localhost", "platform", "x86_64-accton_wedge100bf_65x-r0");
        Cli("SET", "CONFIG_DB_INITIALIZED", "1");
        string broken = Path.Combine(_redis.Directory, "other_config.json");
        File.WriteAllText(broken, RedisServer.DatabaseConfigJson(Path.Combine(_redis.Directory, "absent.sock"), 1));
        var run = Run.Swssbox(["sonic-cfggen", "-d", "-s", _redis.SocketPath, "-v", "DEVICE_METADATA.localhost.platform"],
            env: new Dictionary<string, string> { ["SONIC_DB_CONFIG_FILE"] = broken });
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("x86_64-accton_wedge100bf_65x-r0\n", run.Stdout);
    }

    /// <inheritdoc />
    public void Dispose() => _redis.Dispose();
}
