using Swssbox.Sonic;
using Swssbox.Sonic.Config;

namespace Swssbox.Tests.Unit;

public sealed class DatabaseConfigTests
{
    [Fact]
    public void Default_layout_is_sonics_single_asic_layout()
    {
        var c = DatabaseConfig.Default;
        Assert.Equal((0, ":"), (c.Get("APPL_DB").Id, c.Get("APPL_DB").Separator));
        Assert.Equal((1, ":"), (c.Get("ASIC_DB").Id, c.Get("ASIC_DB").Separator));
        Assert.Equal((2, ":"), (c.Get("COUNTERS_DB").Id, c.Get("COUNTERS_DB").Separator));
        Assert.Equal((3, ":"), (c.Get("LOGLEVEL_DB").Id, c.Get("LOGLEVEL_DB").Separator));
        Assert.Equal((4, "|"), (c.Get("CONFIG_DB").Id, c.Get("CONFIG_DB").Separator));
        Assert.Equal((5, ":"), (c.Get("FLEX_COUNTER_DB").Id, c.Get("FLEX_COUNTER_DB").Separator));
        Assert.Equal((6, "|"), (c.Get("STATE_DB").Id, c.Get("STATE_DB").Separator));
        Assert.Equal("/var/run/redis/redis.sock", c.InstanceOf(c.Get("APPL_DB")).UnixSocketPath);
    }

    [Fact]
    public void Parses_sonics_file_format()
    {
        const string json = """
            {
                "INSTANCES": {
                    "redis": { "hostname": "127.0.0.1", "port": 6379, "unix_socket_path": "/var/run/redis/redis.sock", "persistence_for_warm_boot": "yes" },
                    "redis_chassis": { "hostname": "redis_chassis.server", "port": 6380, "unix_socket_path": "" }
                },
                "DATABASES": {
                    "APPL_DB": { "id": 0, "separator": ":", "instance": "redis" },
                    "CONFIG_DB": { "id": 4, "separator": "|", "instance": "redis" },
                    "CHASSIS_APP_DB": { "id": 12, "separator": "|", "instance": "redis_chassis" }
                },
                "VERSION": "1.0"
            }
            """;
        var c = DatabaseConfig.Parse(json, "database_config.json");
        Assert.Equal("|", c.Resolve("4").Separator);
        Assert.Equal("CONFIG_DB", c.Resolve("CONFIG_DB").Name);
        Assert.Equal("redis_chassis.server:6380", c.InstanceOf(c.Get("CHASSIS_APP_DB")).Describe(tcp: false));
        Assert.Equal("unix:/var/run/redis/redis.sock", c.InstanceOf(c.Get("APPL_DB")).Describe(tcp: false));
    }

    [Fact]
    public void Malformed_json_names_file_and_line()
    {
        var e = Assert.Throws<DatabaseConfigException>(() => DatabaseConfig.Parse("{\n\"INSTANCES\": {\n  x\n}", "/etc/db.json"));
        Assert.Equal("/etc/db.json", e.File);
        Assert.Equal(3, e.Line);
        Assert.StartsWith("/etc/db.json:3: ", e.Message);
    }

    [Theory]
    [InlineData("""{"INSTANCES": {}}""", "missing object \"DATABASES\"")]
    [InlineData("""{"INSTANCES": {}, "DATABASES": {"APPL_DB": {"id": 0, "instance": "nope"}}}""", "instance \"nope\" is not in INSTANCES")]
    [InlineData("""{"INSTANCES": {"redis": {}}, "DATABASES": {"APPL_DB": {"id": "zero"}}}""", "DATABASES.APPL_DB.id: expected an integer")]
    [InlineData("[]", "expected a JSON object")]
    public void Wrong_shapes_are_named(string json, string expected)
    {
        var e = Assert.Throws<DatabaseConfigException>(() => DatabaseConfig.Parse(json, "f.json"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unknown_database_lists_the_known_ones()
    {
        var e = Assert.Throws<DatabaseConfigException>(() => DatabaseConfig.Default.Get("NOPE_DB"));
        Assert.Contains("APPL_DB", e.Message);
    }
}
