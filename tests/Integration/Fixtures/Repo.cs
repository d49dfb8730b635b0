namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>Where the repository and the published static binary are.</summary>
public static class Repo
{
    /// <summary>The repository root (SWSSBOX_ROOT, else found by walking up to build.sh).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The static binary under test: SWSSBOX_BIN, else out/bin/swssbox. Tests never use a JIT build.</summary>
    public static string Binary
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("SWSSBOX_BIN") is { Length: > 0 } p ? p : Path.Combine(Root, "out/bin/swssbox");
            if (!File.Exists(path))
                throw new FileNotFoundException($"the static binary {path} is missing: run ./build.sh first");
            return path;
        }
    }

    /// <summary>The shared fixtures folder beside the repository (../shared).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "../shared"));

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SWSSBOX_ROOT") is { Length: > 0 } root)
            return root;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
