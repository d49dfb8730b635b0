using Swssbox.Cfggen.Net;
using Swssbox.Templates.Rendering;
using Swssbox.Templates.Values;

namespace Swssbox.Tests.Unit.Templates;

/// <summary>Python's text forms and netaddr's parsing, which the differential suite depends on.</summary>
public sealed class PythonValueTests
{
    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(2.5, "2.5")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(123456789.0, "123456789.0")]
    public void Float_repr_is_pythons(double value, string expected) => Assert.Equal(expected, PyRepr.Float(value));

    [Fact]
    public void Repr_of_containers_is_pythons()
    {
        var d = new PyDict { ["k"] = "it's", [PyTuple.Of("Ethernet0", "10.0.0.0/31")] = new PyDict(), ["n"] = null };
        Assert.Equal("{'k': \"it's\", ('Ethernet0', '10.0.0.0/31'): {}, 'n': None}", PyRepr.Repr(d));
        Assert.Equal("(1,)", PyRepr.Repr(new PyTuple([1L])));
        Assert.Equal("[True, 1.5, 'a\\nb']", PyRepr.Repr(new PyList { true, 1.5, "a\nb" }));
    }

    [Theory]
    [InlineData("10", "10.0.0.0", "32")]
    [InlineData("10/8", "10.0.0.0", "8")]
    [InlineData(" 10.0.0.1", "10.0.0.1", "32")]
    [InlineData("1.2.3.4/0.0.0.255", "1.2.3.4", "24")]
    [InlineData("1.2.3.4/255.255.0.0", "1.2.3.4", "16")]
    [InlineData("FC00::75/126", "fc00::75", "126")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4", "128")]
    public void Netaddr_080_parses_permissively(string text, string ip, string prefix)
    {
        var net = IpNetwork.Parse(text);
        Assert.NotNull(net);
        Assert.Equal(ip, net.Attribute("ip"));
        Assert.Equal(prefix, net.Attribute("prefixlen"));
    }

    [Theory]
    [InlineData("256")]
    [InlineData("1000")]
    [InlineData("fe80::1%eth0")]
    [InlineData("1.2.3.4/33")]
    [InlineData("garbage")]
    public void Netaddr_080_rejects(string text) => Assert.Null(IpNetwork.Parse(text));

    [Fact]
    public void Broadcast_of_a_point_to_point_ipv4_prefix_is_none()
    {
        Assert.Null(IpNetwork.Parse("10.0.0.0/31")!.Attribute("broadcast"));
        Assert.Equal("10.0.0.255", IpNetwork.Parse("10.0.0.1/24")!.Attribute("broadcast"));
        Assert.Equal("fc00::77", IpNetwork.Parse("fc00::75/126")!.Attribute("broadcast"));
    }

    [Fact]
    public void Trim_blocks_and_whitespace_control_follow_jinja2()
    {
        var env = new TemplateEnvironment(trimBlocks: true);
        var t = env.FromString("{% for i in [1, 2] %}\n  {{ i }}\n{%- endfor %}\n{# c #}\nend\n");
        // Checked against Python Jinja2 3.1: the "-" strips the newline and indentation before endfor.
        Assert.Equal("  1  2end", t.Render(new PyDict()));
    }
}
