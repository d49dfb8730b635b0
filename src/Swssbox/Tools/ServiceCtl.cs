using Swssbox.Docker;
using Swssbox.Host;
using Swssbox.Notify;
using Swssbox.Sonic.Config;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox;

/// <summary>
/// swss.sh and syncd.sh (sonic-buildimage files/build_templates/docker_image_ctl.j2, bfn): start|stop|attach|wait|
/// restart over the Docker Engine API, plus wait-db (swss.service's PING loop and FLUSHDBs). Anything else prints
/// the usage and exits 1, as the scripts do.
/// </summary>
public static class ServiceCtl
{
    /// <summary>swss.sh.</summary>
    public static Tool Swss { get; } = Make(ServiceSpec.Swss);

    /// <summary>syncd.sh.</summary>
    public static Tool Syncd { get; } = Make(ServiceSpec.Syncd);

    /// <summary>database.sh.</summary>
    public static Tool Database { get; } = Make(ServiceSpec.Database);

    private static Tool Make(ServiceSpec spec)
    {
        string name = spec.Service + ".sh";
        string usage =
            $"Usage: {name} {{start|stop|attach|wait|restart|wait-db [SECONDS]}}\n" +
            (spec.Hwsku
                ? $"  start    start the {spec.Service} container (re-created when the HWSKU changed), then its post-start action\n"
                : $"  start    start (or create) the {spec.Service} container, then wait for Redis PING (60 s)\n") +
            "  stop     docker stop\n" +
            "  attach   stream its output until it exits; exit with its exit code (sends READY=1 to systemd)\n" +
            "  wait     wait until it exits; exit with its exit code (sends READY=1 to systemd)\n" +
            "  restart  stop, then start\n" +
            "  wait-db  wait for Redis PING (default 60 s), flush APPL, ASIC, COUNTERS, FLEX_COUNTER and STATE DBs\n" +
            "environment: DOCKER_HOST=unix://PATH, SWSSBOX_HOST_ROOT (prefix of every host path), PLATFORM, HWSKU,\n" +
            "             SONIC_DB_CONFIG_FILE; run options in /etc/sonic/swssbox/" + spec.Service + ".json\n";
        return new Tool(name, $"{spec.Service} container control over the Docker Engine API (docker_image_ctl.j2)", usage,
            (context, args) => Run(context, spec, usage, args));
    }

    private static int Run(ToolContext context, ServiceSpec spec, string usage, string[] args)
    {
        string verb = args.Length > 0 ? args[0] : "";
        if (verb is not ("start" or "stop" or "attach" or "wait" or "restart" or "wait-db") || (args.Length > 1 && verb != "wait-db") || args.Length > 2)
        {
            context.Err.Write(usage);
            return 1;
        }
        try
        {
            if (verb == "wait-db")
                return WaitDb(context, args.Length > 1 ? args[1] : null);
            var paths = HostPaths.FromEnvironment();
            var options = RunOptions.Load(paths.RunOptionsFile(spec.Service));
            using var docker = new DockerClient();
            var service = new ContainerService(spec, options, paths, docker, context.Out);
            switch (verb)
            {
                case "start":
                    Start(service, paths);
                    return 0;
                case "stop":
                    service.Stop();
                    return 0;
                case "restart":
                    // The script's restart is "stop; start": a stop that fails (no container yet) does not stop it.
                    try { service.Stop(); } catch (DockerApiException e) when (e.IsNotFound) { }
                    Start(service, paths);
                    return 0;
                case "attach":
                {
                    context.Out.Flush();
                    using var stdout = Console.OpenStandardOutput();
                    using var stderr = Console.OpenStandardError();
                    return service.Attach(stdout, stderr, () => SdNotify.Ready($"attached to {service.ContainerName}"));
                }
                default:
                    return service.Wait(() => SdNotify.Ready($"waiting for {service.ContainerName}"));
            }
        }
        catch (HostException e)
        {
            context.Out.Flush(); // progress lines first, then the error, as the scripts print them
            return context.Fail(e.Message, e.ExitCode);
        }
        catch (DockerException e)
        {
            context.Out.Flush();
            return context.Fail(e.Message);
        }
    }

    private static void Start(ContainerService service, HostPaths paths)
    {
        if (service.Spec == ServiceSpec.Database)
        {
            service.Start("", "");
            WaitForDatabase(service, TimeSpan.FromSeconds(60));
            return;
        }
        // docker_image_ctl.j2: PLATFORM=${PLATFORM:-`sonic-cfggen -H …`}, HWSKU=${HWSKU:-`sonic-cfggen -d …`}.
        string platform = Environment.GetEnvironmentVariable("PLATFORM") is { Length: > 0 } p ? p : MachineConf.Platform(paths.MachineConf);
        string hwsku = Environment.GetEnvironmentVariable("HWSKU") is { Length: > 0 } h ? h : HwskuFromConfigDb();
        service.Start(platform, hwsku);
    }

    /// <summary>
    /// docker_image_ctl.j2's database postStartAction loops on redis-cli ping until PONG; we also stop at once when
    /// the container has exited, instead of waiting out the limit.
    /// </summary>
    private static void WaitForDatabase(ContainerService service, TimeSpan limit)
    {
        var config = DatabaseConfig.FromEnvironment();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                using var db = DbConnector.Open(config, "APPL_DB", retry: RetryPolicy.For(TimeSpan.FromSeconds(1)), clientName: "swssbox-ctl");
                db.WaitReady();
                return;
            }
            catch (Sonic.RedisUnavailableException) when (System.Diagnostics.Stopwatch.GetElapsedTime(start) < limit)
            {
                var state = service.State();
                if (state is not { Running: true })
                    throw new HostException($"{service.ContainerName} container is {state?.Status ?? "gone"} (exit {state?.ExitCode}) before Redis answered PING; see docker logs {service.ContainerName}");
            }
        }
    }

    private static string HwskuFromConfigDb()
    {
        using var db = DbConnector.Open(DatabaseConfig.FromEnvironment(), "CONFIG_DB", retry: RetryPolicy.Brief, clientName: "swssbox-ctl");
        string? hwsku = new Table(db, "DEVICE_METADATA").HGet("localhost", "hwsku");
        return hwsku is { Length: > 0 }
            ? hwsku
            : throw new HostException($"CONFIG_DB DEVICE_METADATA{db.Separator}localhost has no hwsku (redis at {db.Endpoint})");
    }

    private static int WaitDb(ToolContext context, string? seconds)
    {
        double limit = 60;
        if (seconds is not null && (!double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit <= 0))
            return context.Fail($"wait-db: '{seconds}' is not a positive number of seconds", 1);
        DatabaseReadiness.WaitAndFlush(DatabaseConfig.FromEnvironment(), TimeSpan.FromSeconds(limit));
        return 0;
    }
}
