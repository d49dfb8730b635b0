namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>The real Docker engine through its CLI (tests need a running dockerd; CI starts one).</summary>
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
}
