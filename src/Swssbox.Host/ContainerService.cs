using Swssbox.Docker;

namespace Swssbox.Host;

/// <summary>
/// docker_image_ctl.j2 (201807) for one service, over the Engine API: start (reuse the container when it was made
/// for this HWSKU, else remove and create anew), post-start action, stop, attach, wait.
/// </summary>
public sealed class ContainerService(ServiceSpec spec, RunOptions options, HostPaths paths, DockerClient docker, TextWriter output)
{
    /// <summary>The service this controls.</summary>
    public ServiceSpec Spec { get; } = spec;

    /// <summary>The container's name (the service name unless the options rename it).</summary>
    public string ContainerName { get; } = options.ContainerName ?? spec.Service;

    /// <summary>What <see cref="Start"/> did.</summary>
    public enum StartOutcome
    {
        /// <summary>The existing container (same HWSKU) was started.</summary>
        StartedExisting,

        /// <summary>No container existed; one was created and started.</summary>
        Created,

        /// <summary>The existing container had another HWSKU; it was removed and a new one created.</summary>
        Recreated,
    }

    /// <summary>`&lt;service&gt;.sh start` for <paramref name="platform"/> and <paramref name="hwsku"/>.</summary>
    public StartOutcome Start(string platform, string hwsku)
    {
        var existing = docker.InspectContainer(ContainerName);
        if (existing is not null && !Spec.Hwsku)
        {
            output.WriteLine($"Starting existing {ContainerName} container");
            docker.StartContainer(existing.Id);
            return StartOutcome.StartedExisting;
        }
        if (existing is not null)
        {
            string? source = existing.MountSource(ServiceSpec.HwskuMount);
            string mounted = source is null ? "" : Path.GetFileName(source.TrimEnd('/'));
            if (mounted == hwsku)
            {
                output.WriteLine($"Starting existing {ContainerName} container with HWSKU {hwsku}");
                docker.StartContainer(existing.Id);
                PostStartAction(existing.Id);
                return StartOutcome.StartedExisting;
            }
            output.WriteLine($"Removing obsolete {ContainerName} container with HWSKU {mounted}");
            docker.RemoveContainer(existing.Id, force: true);
        }
        output.WriteLine(Spec.Hwsku ? $"Creating new {ContainerName} container with HWSKU {hwsku}" : $"Creating new {ContainerName} container");
        var request = CreateRequestBuilder.Build(Spec, options, paths, platform, hwsku);
        string id;
        try
        {
            id = docker.CreateContainer(ContainerName, request).Id;
            docker.StartContainer(id);
        }
        catch (DockerApiException e)
        {
            // docker run's failure in docker_image_ctl.j2: "Failed to docker run", exit 4.
            throw new HostException($"Failed to docker run: {e.Message}", 4, e);
        }
        PostStartAction(id);
        return existing is null ? StartOutcome.Created : StartOutcome.Recreated;
    }

    /// <summary>
    /// swss's postStartAction: rm -f /ready; copy /host/fast-reboot/{fdb,arp,default_routes}.json to / when present
    /// and remove the directory; touch /ready (swssconfig waits for it).
    /// </summary>
    public void PostStartAction(string id)
    {
        if (!Spec.PostStart)
            return;
        // A fresh container has no /ready; only a restarted one needs the exec (the engine API cannot delete files).
        if (docker.PathExists(id, "/ready"))
        {
            int rc = docker.Exec(id, ["rm", "-f", "/ready"]);
            if (rc != 0)
                throw new HostException($"{ContainerName}: rm -f /ready exited {rc}");
        }
        string fastReboot = paths.FastReboot;
        if (Directory.Exists(fastReboot))
        {
            var tar = new TarBuilder();
            foreach (string name in new[] { "fdb.json", "arp.json", "default_routes.json" })
            {
                string file = Path.Combine(fastReboot, name);
                if (File.Exists(file))
                    tar.AddFile(name, File.ReadAllBytes(file), Convert.ToInt32("644", 8), File.GetLastWriteTimeUtc(file));
            }
            if (tar.Count > 0)
                docker.PutArchive(id, "/", tar.ToArray());
            Directory.Delete(fastReboot, recursive: true);
        }
        docker.PutArchive(id, "/", new TarBuilder().AddFile("ready", []).ToArray());
    }

    /// <summary>The container's state, or null when it does not exist.</summary>
    public Docker.Models.ContainerState? State() => docker.InspectContainer(ContainerName)?.State;

    /// <summary>`stop`: docker stop (SIGTERM, SIGKILL after 10 s).</summary>
    public void Stop() => docker.StopContainer(ContainerName);

    /// <summary>
    /// `attach`: docker attach --no-stdin; streams the output until the container stops and returns its exit code.
    /// <paramref name="attached"/> runs once the stream is up (systemd's READY=1).
    /// </summary>
    public int Attach(Stream stdout, Stream stderr, Action? attached = null)
    {
        var container = docker.InspectContainer(ContainerName)
            ?? throw new HostException($"No such container: {ContainerName}");
        if (!container.State.Running)
            throw new HostException($"You cannot attach to a stopped container, start it first ({ContainerName})");
        docker.AttachContainer(container.Id, container.Config.Tty, stdout, stderr, attached);
        return docker.WaitContainer(container.Id);
    }

    /// <summary>`wait`: docker wait; returns the exit code.</summary>
    public int Wait(Action? waiting = null)
    {
        var container = docker.InspectContainer(ContainerName)
            ?? throw new HostException($"No such container: {ContainerName}");
        waiting?.Invoke();
        return docker.WaitContainer(container.Id);
    }
}
