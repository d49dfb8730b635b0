using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop.Cfggen;

/// <summary>-H (platform from $PLATFORM or machine.conf) and the -k/-p port source, as sonic-cfggen reads them.</summary>
public sealed class CfggenSourcesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-cfggen-src-").FullName;

    [Fact]
    public void Platform_info_comes_from_machine_conf_and_overrides_json()
    {
        string conf = Path.Combine(_dir, "machine.conf");
        File.WriteAllText(conf, "onie_version=2016.11\nonie_platform=x86_64-accton_wedge100bf_65x-r0\nonie_machine=accton_wedge100bf_65x\n");
        var run = Run.Swssbox(["sonic-cfggen", "-a", "{\"DEVICE_METADATA\":{\"localhost\":{\"platform\":\"from-json\",\"hwsku\":\"mavericks\"}}}", "-H", "-v", "DEVICE_METADATA.localhost.platform ~ ' ' ~ DEVICE_METADATA.localhost.hwsku"],
            env: new Dictionary<string, string> { ["SWSSBOX_MACHINE_CONF"] = conf, ["PLATFORM"] = "" });
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("x86_64-accton_wedge100bf_65x-r0 mavericks\n", run.Stdout);
    }

    [Fact]
    public void Platform_environment_variable_wins_over_machine_conf()
    {
        string conf = Path.Combine(_dir, "machine.conf");
        File.WriteAllText(conf, "aboot_platform=x86_64-arista_7050_qx32\n");
        var run = Run.Swssbox(["sonic-cfggen", "-H", "-v", "DEVICE_METADATA.localhost.platform"],
            env: new Dictionary<string, string> { ["SWSSBOX_MACHINE_CONF"] = conf, ["PLATFORM"] = "x86_64-accton_wedge100bf_32x-r0" });
        Assert.Equal("x86_64-accton_wedge100bf_32x-r0\n", run.Stdout);
        var fromConf = Run.Swssbox(["sonic-cfggen", "-H", "-v", "DEVICE_METADATA.localhost.platform"],
            env: new Dictionary<string, string> { ["SWSSBOX_MACHINE_CONF"] = conf, ["PLATFORM"] = "" });
        Assert.Equal("x86_64-arista_7050_qx32\n", fromConf.Stdout);
    }

    [Fact]
    public void Hwsku_without_a_port_config_fails_like_sonic()
    {
        var run = Run.Swssbox(["sonic-cfggen", "-k", "no-such-sku", "-v", "PORT"], env: new Dictionary<string, string> { ["PLATFORM"] = "none" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Failed to get port config", run.Stderr);
    }

    [Fact]
    public void Later_sources_override_earlier_ones_in_sonic_order()
    {
        string a = Path.Combine(_dir, "a.json"), b = Path.Combine(_dir, "b.json");
        File.WriteAllText(a, "{\"T\": {\"k\": {\"x\": \"a\", \"y\": \"a\"}, \"k|1\": {}}}");
        File.WriteAllText(b, "{\"T\": {\"k\": {\"y\": \"b\"}, \"j\": {}}}");
        var run = Run.Swssbox(["sonic-cfggen", "-a", "{\"T\": {\"k\": {\"x\": \"inline\"}}}", "-j", a, "-j", b, "-v", "T"]);
        Assert.Equal("{'k': {'x': 'inline', 'y': 'b'}, ('k', '1'): {}, 'j': {}}\n", run.Stdout);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_dir, true);
}
