namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>The real Docker engine through its CLI: the tests' independent view of the engine (CI starts a dockerd).</summary>
public static class Docker
{
    /// <summary>Runs `docker ARGS`; throws with its stderr when it fails and <paramref name="check"/> is set.</summary>
    public static RunResult Run(IEnumerable<string> args, bool check = true, TimeSpan? timeout = null)
    {
        var list = args.ToList();
        var result = Fixtures.Run.Process("docker", list, timeout: timeout ?? TimeSpan.FromSeconds(120));
        if (check && result.ExitCode != 0)
            throw new InvalidOperationException($"docker {string.Join(' ', list)} failed ({result.ExitCode}): {result.Stderr}");
        return result;
    }

    /// <summary>A unique name for a test's container or image.</summary>
    public static string UniqueName(string what) => $"swssbox-test-{what}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Removes containers (forced, with volumes), ignoring ones already gone.</summary>
    public static void RemoveContainers(params string[] names)
    {
        foreach (string name in names)
            Run(["rm", "-f", "-v", name], check: false);
    }

    /// <summary>docker inspect -f FORMAT NAME (trimmed), or null if it fails.</summary>
    public static string? Inspect(string name, string format)
    {
        var r = Fixtures.Run.Process("docker", ["inspect", "--type", "container", "-f", format, name]);
        return r.ExitCode == 0 ? r.Stdout.Trim() : null;
    }

    /// <summary>docker exec NAME ARGS…</summary>
    public static RunResult Exec(string name, params string[] args) => Fixtures.Run.Process("docker", new[] { "exec", name }.Concat(args));

    /// <summary>Whether an engine answers.</summary>
    public static bool Available => Fixtures.Run.Process("docker", ["version", "--format", "{{.Server.APIVersion}}"]).ExitCode == 0;
}
