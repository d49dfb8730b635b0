using System.Text;
using Swssbox.Daemons;
using Swssbox.Daemons.SwssConfig;
using Swssbox.Sonic.Tables;

namespace Swssbox.Tests.Unit.Daemons;

public sealed class SwssConfigFileTests
{
    private static IReadOnlyList<SwssConfigOp> Parse(string json) => SwssConfigFile.Parse("f.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Entries_keep_list_order_split_at_the_first_colon_and_numbers_become_integer_text()
    {
        var ops = Parse("""
            [ {"PORT_TABLE:Ethernet0": {"speed": 100000, "mtu": "9100", "ratio": 1.9}, "OP": "SET"},
              {"OP": "DEL", "NEIGH_TABLE:Vlan1000:2001:db8::1": {}} ]
            """);
        Assert.Equal(2, ops.Count);
        Assert.Equal(("PORT_TABLE", "Ethernet0", false), (ops[0].Table, ops[0].Key, ops[0].Delete));
        Assert.Equal([new FieldValue("speed", "100000"), new FieldValue("mtu", "9100"), new FieldValue("ratio", "1")], ops[0].Fields);
        Assert.Equal(("NEIGH_TABLE", "Vlan1000:2001:db8::1", true), (ops[1].Table, ops[1].Key, ops[1].Delete));
    }

    [Theory]
    [InlineData("[\n 1\n]", "f.json:2:2: element 0: Child elements must be objects")]
    [InlineData("[\n {\"A\": {}, \"OP\": \"SET\", \"B\": {}}]", "f.json:2:2: element 0: Child elements must have both key and op entry")]
    [InlineData("[{\"A\": {}, \"OP\": \"SET\"}]", "f.json:1:2: element 0: Invalid formatted hash 'A' (expected TABLE:key)")]
    [InlineData("[{\"A:b\": {}, \"OP\": \"set\"}]", "f.json:1:2: element 0: Invalid operation 'set' (expected SET or DEL)")]
    [InlineData("[{\"A:b\": {}, \"OQ\": \"SET\"}]", "f.json:1:14: element 0: Invalid entry 'OQ' (expected \"TABLE:key\": {…} or \"OP\": \"SET\"|\"DEL\")")]
    public void Errors_name_file_line_column_and_cause(string json, string message)
    {
        var e = Assert.Throws<ConfigFileException>(() => Parse(json));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Malformed_json_reports_the_parser_position()
    {
        var e = Assert.Throws<ConfigFileException>(() => Parse("[\n  {\"A:b\": {} \"OP\": \"SET\"}\n]"));
        Assert.StartsWith("f.json:2:", e.Message);
        Assert.Contains("invalid JSON", e.Message);
    }
}
