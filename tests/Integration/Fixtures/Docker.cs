namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>The docker CLI as the tests' independent view of the engine.</summary>
public static class Docker
{
    /// <summary>docker inspect -f FORMAT NAME (trimmed), or null if it fails.</summary>
    public static string? Inspect(string name, string format)
    {
        var r = Run.Process("docker", ["inspect", "--type", "container", "-f", format, name]);
        return r.ExitCode == 0 ? r.Stdout.Trim() : null;
    }

    /// <summary>docker exec NAME ARGS…</summary>
    public static RunResult Exec(string name, params string[] args) => Run.Process("docker", new[] { "exec", name }.Concat(args));

    /// <summary>Whether an engine answers.</summary>
    public static bool Available => Run.Process("docker", ["version", "--format", "{{.Server.APIVersion}}"]).ExitCode == 0;
}
