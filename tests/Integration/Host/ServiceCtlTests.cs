using System.Net.Sockets;
using System.Text;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Host;

/// <summary>swss.sh / syncd.sh (the static binary) against the real Docker engine, a test-built image and a private Redis.</summary>
[Collection("docker")]
public sealed class ServiceCtlTests(DockerFixture fixture) : IDisposable
{
    private readonly HostRoot _host = new();

    private RunResult Swss(params string[] args) => Run.Swssbox(args, _host.Env(fixture.Redis), argv0: "swss.sh", timeout: TimeSpan.FromSeconds(90));

    private RunResult Syncd(params string[] args) => Run.Swssbox(args, _host.Env(fixture.Redis), argv0: "syncd.sh", timeout: TimeSpan.FromSeconds(90));

    private void SetHwsku(string hwsku) => fixture.Redis.Cli("-n", "4", "HSET", "DEVICE_METADATA|localhost", "hwsku", hwsku, "platform", HostRoot.Platform);

    private static void AssertOk(RunResult r) => Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}");

    [Fact]
    public void Fresh_create_uses_SONiC_options_and_leaves_ready()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag);
        var r = Swss("start");
        AssertOk(r);
        Assert.Equal($"Creating new {name} container with HWSKU montara\n", r.Stdout);
        Assert.Equal("true", Docker.Inspect(name, "{{.State.Running}}"));
        Assert.Equal("host true json-file 2M 5", Docker.Inspect(name,
            "{{.HostConfig.NetworkMode}} {{.Config.Tty}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config \"max-size\"}} {{index .HostConfig.LogConfig.Config \"max-file\"}}"));
        Assert.Equal("false [NET_ADMIN NET_RAW]", Docker.Inspect(name, "{{.HostConfig.Privileged}} {{.HostConfig.CapAdd}}"));
        Assert.Equal("map[/tmp: /var/tmp:]", Docker.Inspect(name, "{{.HostConfig.Tmpfs}}"));
        string mounts = Docker.Inspect(name, "{{range .Mounts}}{{.Destination}}={{.Source}}:{{.RW}};{{end}}")!;
        Assert.Contains($"/usr/share/sonic/hwsku={_host.Of($"usr/share/sonic/device/{HostRoot.Platform}/montara")}:false;", mounts);
        Assert.Contains($"/usr/share/sonic/platform={_host.Of($"usr/share/sonic/device/{HostRoot.Platform}")}:false;", mounts);
        Assert.Contains($"/var/run/redis={_host.Of("var/run/redis")}:true;", mounts);
        Assert.Contains($"/host/machine.conf={_host.Of("host/machine.conf")}:false;", mounts);
        Assert.Contains($"/var/log/swss={_host.Of("var/log/swss")}:true;", mounts);
        Assert.Contains("/etc/network/interfaces=", mounts);
        Assert.Equal(0, Docker.Exec(name, "test", "-e", "/ready").ExitCode);
    }

    [Fact]
    public void Restart_with_the_same_hwsku_keeps_the_container_and_renews_ready()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag);
        AssertOk(Swss("start"));
        string id = Docker.Inspect(name, "{{.Id}}")!;
        // A stale /ready with content: the restart must remove it and create an empty one.
        Assert.Equal(0, Docker.Exec(name, "sh", "-c", "echo stale > /ready").ExitCode);
        AssertOk(Swss("stop"));
        Assert.Equal("false", Docker.Inspect(name, "{{.State.Running}}"));

        var r = Swss("start");
        AssertOk(r);
        Assert.Equal($"Starting existing {name} container with HWSKU montara\n", r.Stdout);
        Assert.Equal(id, Docker.Inspect(name, "{{.Id}}"));
        Assert.Equal("true", Docker.Inspect(name, "{{.State.Running}}"));
        Assert.Equal("0", Docker.Exec(name, "stat", "-c", "%s", "/ready").Stdout.Trim());
    }

    [Fact]
    public void Changed_hwsku_removes_and_recreates()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag);
        AssertOk(Swss("start"));
        string id = Docker.Inspect(name, "{{.Id}}")!;
        SetHwsku("mavericks");
        var r = Swss("start");
        AssertOk(r);
        Assert.Equal($"Removing obsolete {name} container with HWSKU montara\nCreating new {name} container with HWSKU mavericks\n", r.Stdout);
        Assert.NotEqual(id, Docker.Inspect(name, "{{.Id}}"));
        Assert.EndsWith("/mavericks", Docker.Inspect(name, "{{range .Mounts}}{{if eq .Destination \"/usr/share/sonic/hwsku\"}}{{.Source}}{{end}}{{end}}"));
    }

    [Fact]
    public void Fast_reboot_files_are_copied_in_and_the_directory_removed()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag);
        _host.Write("host/fast-reboot/fdb.json", "[{\"FDB_TABLE:Vlan1000:00-11-22-33-44-55\": {}}]\n");
        _host.Write("host/fast-reboot/arp.json", "[{\"NEIGH_TABLE:Vlan1000:192.0.2.10\": {}}]\n");
        AssertOk(Swss("start"));
        Assert.Equal("[{\"FDB_TABLE:Vlan1000:00-11-22-33-44-55\": {}}]\n", Docker.Exec(name, "cat", "/fdb.json").Stdout);
        Assert.Equal("[{\"NEIGH_TABLE:Vlan1000:192.0.2.10\": {}}]\n", Docker.Exec(name, "cat", "/arp.json").Stdout);
        Assert.NotEqual(0, Docker.Exec(name, "test", "-e", "/default_routes.json").ExitCode);
        Assert.False(Directory.Exists(_host.Of("host/fast-reboot")));
        Assert.Equal(0, Docker.Exec(name, "test", "-e", "/ready").ExitCode);
    }

    [Fact]
    public void Attach_streams_the_tty_output_returns_the_exit_code_and_notifies_systemd()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag, env: ["EXIT_CODE=7", "EXIT_AFTER=3"]);
        AssertOk(Swss("start"));
        string notify = Path.Combine(_host.Root, "notify.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(notify));
        var env = _host.Env(fixture.Redis);
        env["NOTIFY_SOCKET"] = notify;
        var r = Run.Swssbox(["attach"], env, argv0: "swss.sh", timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(7, r.ExitCode);
        // -t: one raw stream, stderr merged into it, CRLF line ends from the pty.
        Assert.Contains("bye\r\n", r.Stdout);
        Assert.Contains("oops", r.Stdout);
        listener.ReceiveTimeout = 1000;
        byte[] buffer = new byte[256];
        int n = listener.Receive(buffer);
        Assert.StartsWith("READY=1\n", Encoding.UTF8.GetString(buffer, 0, n));
    }

    [Fact]
    public void Attach_without_a_tty_demultiplexes_stdout_and_stderr()
    {
        string name = $"swss-notty-{Guid.NewGuid():N}"[..22];
        _host.Track(name);
        _host.Options("swss", fixture.Image.Tag, containerName: name);
        var run = Run.Process("docker", ["run", "-d", "--name", name, "-e", "EXIT_CODE=3", "-e", "EXIT_AFTER=2", fixture.Image.Tag]);
        Assert.Equal(0, run.ExitCode);
        var r = Swss("attach");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal("bye\n", r.Stdout);
        Assert.Equal("oops\n", r.Stderr);
    }

    [Fact]
    public void Wait_returns_the_exit_code_and_stop_stops()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag, env: ["EXIT_CODE=5", "EXIT_AFTER=2"]);
        AssertOk(Swss("start"));
        Assert.Equal(5, Swss("wait").ExitCode);

        string other = _host.Options("swss", fixture.Image.Tag);
        AssertOk(Swss("start"));
        AssertOk(Swss("stop"));
        Assert.Equal("exited 0", Docker.Inspect(other, "{{.State.Status}} {{.State.ExitCode}}"));
        Assert.Equal(1, Swss("attach").ExitCode);
    }

    [Fact]
    public void Syncd_uses_its_own_binds_and_has_no_post_start_action()
    {
        SetHwsku("montara");
        string name = _host.Options("syncd", fixture.Image.Tag);
        var r = Syncd("start");
        AssertOk(r);
        Assert.Equal($"Creating new {name} container with HWSKU montara\n", r.Stdout);
        string mounts = Docker.Inspect(name, "{{range .Mounts}}{{.Destination}}={{.Source}}:{{.RW}};{{end}}")!;
        Assert.Contains($"/etc/machine.conf={_host.Of("host/machine.conf")}:true;", mounts);
        Assert.Contains($"/etc/sonic={_host.Of("etc/sonic")}:false;", mounts);
        Assert.DoesNotContain("/var/log/swss", mounts);
        Assert.NotEqual(0, Docker.Exec(name, "test", "-e", "/ready").ExitCode);
        AssertOk(Syncd("restart"));
        Assert.Equal("true", Docker.Inspect(name, "{{.State.Running}}"));
    }

    [Fact]
    public void Missing_image_fails_like_docker_run_with_the_engine_message()
    {
        SetHwsku("montara");
        _host.Options("swss", "swssbox-test-no-such-image:latest");
        var r = Swss("start");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("swss.sh: Failed to docker run: POST /containers/create: No such image: swssbox-test-no-such-image:latest (HTTP 404)", r.Stderr);
    }

    [Fact]
    public void Dead_engine_socket_is_a_clear_error()
    {
        SetHwsku("montara");
        _host.Options("swss", fixture.Image.Tag);
        var env = _host.Env(fixture.Redis);
        string dead = _host.Of("dead.sock");
        env["DOCKER_HOST"] = "unix://" + dead;
        var r = Run.Swssbox(["start"], env, argv0: "swss.sh");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"swss.sh: docker engine at unix:{dead} is unreachable: No such file or directory (is dockerd running?)\n", r.Stderr);
        env["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        r = Run.Swssbox(["stop"], env, argv0: "swss.sh");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("only unix:///path/to/socket is supported", r.Stderr);
    }

    [Fact]
    public void Missing_hwsku_and_bad_options_file_are_named()
    {
        fixture.Redis.Cli("-n", "4", "HDEL", "DEVICE_METADATA|localhost", "hwsku");
        _host.Options("swss", fixture.Image.Tag);
        var r = Swss("start");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CONFIG_DB DEVICE_METADATA|localhost has no hwsku", r.Stderr);
        _host.Write("etc/sonic/swssbox/swss.json", "{\n  \"privileged\": \"yes\"\n}\n");
        r = Swss("stop");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("swss.json: \"privileged\" must be true or false", r.Stderr);
    }

    [Fact]
    public void Database_starts_existing_unconditionally_and_waits_for_ping()
    {
        string name = _host.Options("database", fixture.Image.Tag);
        var r = Run.Swssbox(["start"], _host.Env(fixture.Redis), argv0: "database.sh");
        AssertOk(r);
        Assert.Equal($"Creating new {name} container\n", r.Stdout);
        string mounts = Docker.Inspect(name, "{{range .Mounts}}{{.Destination}}={{.Source}}:{{.RW}};{{end}}")!;
        Assert.Contains($"/var/run/redis={_host.Of("var/run/redis")}:true;", mounts);
        Assert.DoesNotContain("/usr/share/sonic/hwsku", mounts);
        string id = Docker.Inspect(name, "{{.Id}}")!;
        AssertOk(Run.Swssbox(["stop"], _host.Env(fixture.Redis), argv0: "database.sh"));
        r = Run.Swssbox(["start"], _host.Env(fixture.Redis), argv0: "database.sh");
        AssertOk(r);
        Assert.Equal($"Starting existing {name} container\n", r.Stdout);
        Assert.Equal(id, Docker.Inspect(name, "{{.Id}}"));
    }

    [Fact]
    public void Database_that_exits_before_ping_fails_at_once()
    {
        string name = _host.Options("database", fixture.Image.Tag, env: ["EXIT_CODE=3", "EXIT_AFTER=0"]);
        var env = _host.Env(fixture.Redis);
        string config = _host.Of("dead-db.json");
        File.WriteAllText(config, RedisServer.DatabaseConfigJson(_host.Of("no-redis.sock"), 1));
        env["SONIC_DB_CONFIG_FILE"] = config;
        var r = Run.Swssbox(["start"], env, argv0: "database.sh");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"database.sh: {name} container is exited (exit 3) before Redis answered PING", r.Stderr);
        Assert.InRange(r.Elapsed.TotalSeconds, 0, 20);
    }

    [Fact]
    public void Restart_without_a_container_creates_one()
    {
        SetHwsku("montara");
        string name = _host.Options("swss", fixture.Image.Tag);
        var r = Swss("restart");
        AssertOk(r);
        Assert.Equal($"Creating new {name} container with HWSKU montara\n", r.Stdout);
    }

    [Fact]
    public void Other_verbs_print_the_usage_and_exit_1()
    {
        foreach (var args in new[] { Array.Empty<string>(), ["status"], ["start", "extra"] })
        {
            var r = Swss(args);
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith("Usage: swss.sh {start|stop|attach|wait|restart|wait-db [SECONDS]}", r.Stderr);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();
}
