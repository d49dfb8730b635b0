using System.Text.Json;
using Swssbox.Tests.Integration.Fixtures;
using Swssbox.Tests.Interop.Fixtures;

namespace Swssbox.Tests.Interop.Cfggen;

/// <summary>
/// Our rootfs templates for the swss container (switch.json, ipinip.json, ports.json): identical to Python Jinja2's
/// rendering and valid swssconfig input: a JSON list of objects with exactly one "TABLE:key" member and "OP": "SET".
/// </summary>
public sealed class SwssTemplateTests
{
    private static readonly string Templates = Path.Combine(Repo.Root, "rootfs/docker-orchagent-bfn/usr/share/sonic/templates");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in new[] { "switch.json.j2", "ipinip.json.j2", "ports.json.j2" })
            foreach (var d in new[] { "bfn64", "t0", "t1" })
                data.Add(t, d);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_like_python_and_is_swssconfig_json(string template, string data)
    {
        string[] args = ["-j", Path.Combine(CfggenCase.Dir, "data", data + ".config_db.json"), "-t", Path.Combine(Templates, template)];
        var ours = Run.Swssbox(["sonic-cfggen", .. args]);
        var python = Run.Process(Oracle.Python, [Path.Combine(CfggenCase.Dir, "oracle.py"), .. args]);
        Assert.True(ours.ExitCode == 0, ours.Stderr);
        Assert.Equal(python.Stdout, ours.Stdout);

        using var doc = JsonDocument.Parse(ours.Stdout);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var members = entry.EnumerateObject().ToList();
            Assert.Equal(2, members.Count);
            Assert.Equal("SET", entry.GetProperty("OP").GetString());
            var table = members.Single(m => m.Name != "OP");
            Assert.Contains(':', table.Name);
            Assert.Equal(JsonValueKind.Object, table.Value.ValueKind);
        }
    }

    [Fact]
    public void Ports_lists_every_port_with_a_speed()
    {
        string json = Path.Combine(CfggenCase.Dir, "data/bfn64.config_db.json");
        var run = Run.Swssbox(["sonic-cfggen", "-j", json, "-t", Path.Combine(Templates, "ports.json.j2")]);
        using var doc = JsonDocument.Parse(run.Stdout);
        var entries = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(64, entries.Count);
        var first = entries[0].GetProperty("PORT_TABLE:Ethernet0");
        Assert.Equal("100000", first.GetProperty("speed").GetString());
    }

    [Theory]
    [InlineData("ToRRouter", "0")]
    [InlineData("LeafRouter", "10")]
    [InlineData("", "0")]
    public void Switch_hash_seed_follows_the_device_type(string type, string seed)
    {
        var run = Run.Swssbox(["sonic-cfggen", "-a", $"{{\"DEVICE_METADATA\":{{\"localhost\":{{\"type\":\"{type}\"}}}}}}", "-t", Path.Combine(Templates, "switch.json.j2")]);
        using var doc = JsonDocument.Parse(run.Stdout);
        var table = doc.RootElement[0].GetProperty("SWITCH_TABLE:switch");
        Assert.Equal(seed, table.GetProperty("ecmp_hash_seed").GetString());
        Assert.Equal(seed, table.GetProperty("lag_hash_seed").GetString());
    }

    [Fact]
    public void Ipinip_decaps_every_ipv4_interface_address_from_loopback0()
    {
        var run = Run.Swssbox(["sonic-cfggen", "-j", Path.Combine(CfggenCase.Dir, "data/t0.config_db.json"), "-t", Path.Combine(Templates, "ipinip.json.j2")]);
        using var doc = JsonDocument.Parse(run.Stdout);
        var tunnel = doc.RootElement[0].GetProperty("TUNNEL_DECAP_TABLE:IPINIP_TUNNEL");
        Assert.Equal("IPINIP", tunnel.GetProperty("tunnel_type").GetString());
        string[] dst = tunnel.GetProperty("dst_ip").GetString()!.Split(',');
        Assert.Equal(tunnel.GetProperty("src_ip").GetString(), dst[0]);
        Assert.All(dst, ip => Assert.DoesNotContain(':', ip));
    }
}
