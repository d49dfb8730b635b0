using System.Formats.Tar;
using System.Text.Json;
using Swssbox.Docker;
using Swssbox.Docker.Models;
using Swssbox.Host;

namespace Swssbox.Tests.Unit.Host;

/// <summary>The create request, run options, tar and endpoint parsing: exact bytes, no engine.</summary>
public sealed class CreateRequestTests
{
    private static string Json(CreateContainerRequest r) => JsonSerializer.Serialize(r, DockerJson.Default.CreateContainerRequest);

    [Fact]
    public void Default_request_is_least_privilege_with_the_seed_binds()
    {
        var r = CreateRequestBuilder.Build(ServiceSpec.Swss, RunOptions.Default, new HostPaths("/"), "x86_64-accton_wedge100bf_32x-r0", "montara");
        string expected =
            "{'Image':'docker-orchagent-bfn:latest','Tty':true,'AttachStdout':false,'AttachStderr':false,'HostConfig':{'NetworkMode':'host','Privileged':false,'CapAdd':['NET_ADMIN','NET_RAW']," +
            "'Binds':['/var/run/redis:/var/run/redis:rw','/usr/share/sonic/device/x86_64-accton_wedge100bf_32x-r0:/usr/share/sonic/platform:ro'," +
            "'/usr/share/sonic/device/x86_64-accton_wedge100bf_32x-r0/montara:/usr/share/sonic/hwsku:ro','/etc/network/interfaces:/etc/network/interfaces:ro'," +
            "'/etc/network/interfaces.d/:/etc/network/interfaces.d/:ro','/host/machine.conf:/host/machine.conf:ro','/etc/sonic:/etc/sonic:ro','/var/log/swss:/var/log/swss:rw']," +
            "'Tmpfs':{'/tmp':'','/var/tmp':''},'LogConfig':{'Type':'json-file','Config':{'max-size':'2M','max-file':'5'}}}}";
        Assert.Equal(expected.Replace('\'', '"'),
            Json(r));
    }

    [Fact]
    public void Privileged_option_reaches_the_request_without_cap_add()
    {
        // This sandbox cannot start privileged containers, so the variant is checked at the request level.
        var options = RunOptions.Parse("""{"privileged": true, "security_opt": ["apparmor=unconfined"]}""", "swss.json");
        var r = CreateRequestBuilder.Build(ServiceSpec.Syncd, options, new HostPaths("/srv/root"), "p", "h");
        string json = Json(r);
        Assert.Contains("\"Privileged\":true", json);
        Assert.DoesNotContain("CapAdd", json);
        Assert.Contains("\"SecurityOpt\":[\"apparmor=unconfined\"]", json);
        Assert.Contains("\"/srv/root/host/machine.conf:/etc/machine.conf\"", json);
        Assert.Equal("docker-syncd-bfn:latest", r.Image);
    }

    [Theory]
    [InlineData("{\n  \"privileged\": 1\n}", "swss.json: \"privileged\" must be true or false, found 1")]
    [InlineData("{\n  \"cap_add\": [\"NET_ADMIN\",\n  ", "swss.json:3: ")]
    [InlineData("{\"capadd\": []}", "swss.json: unknown option \"capadd\"")]
    [InlineData("[]", "swss.json: expected a JSON object")]
    public void Bad_options_name_file_and_cause(string json, string expected)
    {
        var e = Assert.Throws<HostException>(() => RunOptions.Parse(json, "swss.json"));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Tar_entries_read_back_with_the_framework_reader()
    {
        byte[] tar = new TarBuilder().AddFile("fdb.json", "[1]"u8).AddFile("ready", []).ToArray();
        Assert.Equal(0, tar.Length % 512);
        using var reader = new TarReader(new MemoryStream(tar));
        var first = reader.GetNextEntry()!;
        Assert.Equal(("fdb.json", 3L, TarEntryType.RegularFile), (first.Name, first.Length, first.EntryType));
        Assert.Equal("[1]", new StreamReader(first.DataStream!).ReadToEnd());
        var second = reader.GetNextEntry()!;
        Assert.Equal(("ready", 0L), (second.Name, second.Length));
        Assert.Null(reader.GetNextEntry());
    }

    [Fact]
    public void Docker_host_parsing()
    {
        Assert.Equal("/var/run/docker.sock", DockerEndpoint.Parse(null).SocketPath);
        Assert.Equal("/tmp/d.sock", DockerEndpoint.Parse("unix:///tmp/d.sock").SocketPath);
        Assert.Throws<DockerUnavailableException>(() => DockerEndpoint.Parse("tcp://127.0.0.1:2375"));
    }

    [Fact]
    public void Wait_db_refuses_a_layout_where_a_flushed_db_is_config_db()
    {
        string json = """
            {"INSTANCES": {"redis": {"unix_socket_path": "/nonexistent/redis.sock"}},
             "DATABASES": {"APPL_DB": {"id": 0}, "ASIC_DB": {"id": 1}, "COUNTERS_DB": {"id": 2}, "FLEX_COUNTER_DB": {"id": 5},
                           "STATE_DB": {"id": 4, "separator": "|"}, "CONFIG_DB": {"id": 4, "separator": "|"}}}
            """;
        var config = Swssbox.Sonic.Config.DatabaseConfig.Parse(json, "database_config.json");
        var e = Assert.Throws<HostException>(() => DatabaseReadiness.WaitAndFlush(config, TimeSpan.FromMilliseconds(10)));
        Assert.Equal("database_config.json: STATE_DB shares number 4 with CONFIG_DB; refusing to flush it", e.Message);
    }

    [Fact]
    public void Machine_conf_platform_prefers_onie_then_aboot()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "onie_machine=x\nonie_platform=x86_64-accton_wedge100bf_65x-r0 \n");
            Assert.Equal("x86_64-accton_wedge100bf_65x-r0", MachineConf.Platform(path));
            File.WriteAllText(path, "aboot_platform=x86_64-arista_7170_64c\n");
            Assert.Equal("x86_64-arista_7170_64c", MachineConf.Platform(path));
            File.WriteAllText(path, "onie_machine=x\n");
            Assert.Contains("neither onie_platform nor aboot_platform", Assert.Throws<HostException>(() => MachineConf.Platform(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
