using Swssbox.Docker.Models;

namespace Swssbox.Host;

/// <summary>
/// docker_image_ctl.j2's `docker run -d` line as an engine request: --net=host -t, the seed's binds, --tmpfs /tmp
/// and /var/tmp, json-file logs 2M × 5, and the run options (capabilities or --privileged).
/// </summary>
public static class CreateRequestBuilder
{
    /// <summary>The create body for <paramref name="spec"/> on <paramref name="platform"/>/<paramref name="hwsku"/>.</summary>
    public static CreateContainerRequest Build(ServiceSpec spec, RunOptions options, HostPaths paths, string platform, string hwsku)
    {
        var binds = new List<string>();
        if (spec.Hwsku)
        {
            binds.Add($"{paths.Of("/var/run/redis")}:/var/run/redis:rw");
            binds.Add($"{paths.Of($"/usr/share/sonic/device/{platform}")}:/usr/share/sonic/platform:ro");
            binds.Add($"{paths.Of($"/usr/share/sonic/device/{platform}/{hwsku}")}:{ServiceSpec.HwskuMount}:ro");
        }
        foreach (var (host, container, mode) in spec.ExtraBinds)
            binds.Add(mode.Length == 0 ? $"{paths.Of(host)}:{container}" : $"{paths.Of(host)}:{container}:{mode}");
        return new CreateContainerRequest
        {
            Image = options.Image ?? spec.Image,
            Tty = true,
            Env = options.Env.Count == 0 ? null : [.. options.Env],
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                Privileged = options.Privileged,
                // --privileged already grants every capability; the CLI sends no CapAdd with it either.
                CapAdd = options.Privileged || options.CapAdd.Count == 0 ? null : [.. options.CapAdd],
                SecurityOpt = options.SecurityOpt.Count == 0 ? null : [.. options.SecurityOpt],
                Binds = binds,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = "", ["/var/tmp"] = "" },
                LogConfig = new LogConfig { Type = "json-file", Config = new() { ["max-size"] = "2M", ["max-file"] = "5" } },
            },
        };
    }
}
