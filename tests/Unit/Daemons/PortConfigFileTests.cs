using Swssbox.Daemons;
using Swssbox.Daemons.PortSyncd;
using Swssbox.Sonic.Tables;

namespace Swssbox.Tests.Unit.Daemons;

public sealed class PortConfigFileTests
{
    [Fact]
    public void Header_names_the_columns_and_alias_defaults_to_the_name()
    {
        var ports = PortConfigFile.Parse("p.ini", ["# name lanes speed alias", "Ethernet0 0,1 40000", "", "Ethernet8   8,9\t40000  fp8"]);
        Assert.Equal(2, ports.Count);
        Assert.Equal([new FieldValue("lanes", "0,1"), new FieldValue("alias", "Ethernet0"), new FieldValue("speed", "40000")], ports[0].Fields);
        Assert.Equal([new FieldValue("lanes", "8,9"), new FieldValue("alias", "fp8"), new FieldValue("speed", "40000")], ports[1].Fields);
    }

    [Fact]
    public void Without_a_header_the_201807_default_columns_apply()
    {
        var port = Assert.Single(PortConfigFile.Parse("p.ini", ["Ethernet0 0,1,2,3 fp0 100000"]));
        Assert.Equal([new FieldValue("lanes", "0,1,2,3"), new FieldValue("alias", "fp0"), new FieldValue("speed", "100000")], port.Fields);
    }

    [Theory]
    [InlineData("Ethernet0 0 a 1 2 3", "p.ini:2: 6 values but 4 columns (name lanes alias speed)")]
    [InlineData("Ethernet0", "p.ini:2: port Ethernet0 has no value for column 'lanes'")]
    [InlineData("Ethernet4 4,5", "p.ini:2: port Ethernet4 is listed twice")]
    public void Errors_name_file_line_and_cause(string line, string message)
    {
        var e = Assert.Throws<ConfigFileException>(() => PortConfigFile.Parse("p.ini", ["Ethernet4 4,5,6,7", line]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Autoneg_on_forwards_advertised_speeds_and_off_forwards_the_forced_speed()
    {
        FieldValue[] all = [new("autoneg", "on"), new("adv_speeds", "100000"), new("speed", "40000"), new("mtu", "9100")];
        Assert.Equal([new FieldValue("autoneg", "on"), new FieldValue("mtu", "9100"), new FieldValue("adv_speeds", "100000")], PortSync.AutonegFilter(all));
        all[0] = new("autoneg", "off");
        Assert.Equal([new FieldValue("autoneg", "off"), new FieldValue("mtu", "9100"), new FieldValue("speed", "40000")], PortSync.AutonegFilter(all));
    }
}
