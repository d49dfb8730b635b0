using Swssbox.Sonic.Tables;

namespace Swssbox.Tests.Unit;

public sealed class TableNameTests
{
    [Fact]
    public void Key_names_match_swss_common()
    {
        var t = new TableName("PORT_TABLE", ":", 0);
        Assert.Equal("PORT_TABLE:Ethernet0", t.KeyName("Ethernet0"));
        Assert.Equal("_PORT_TABLE:Ethernet0", t.StagingKeyName("Ethernet0"));
        Assert.Equal("PORT_TABLE_KEY_SET", t.KeySet);
        Assert.Equal("PORT_TABLE_DEL_SET", t.DelSet);
        Assert.Equal("PORT_TABLE_CHANNEL@0", t.Channel);
        Assert.Equal("PORT_TABLE|", new TableName("PORT_TABLE", "|", 6).Prefix);
        Assert.Equal("VLAN_CHANNEL@4", new TableName("VLAN", "|", 4).Channel);
    }
}
