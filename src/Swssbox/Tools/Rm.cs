namespace Swssbox;

/// <summary>
/// rm, for images that have no coreutils: swss.sh's post-start action runs `rm -f /ready` in the container
/// (the Engine API cannot delete a file), as SONiC's docker_image_ctl.j2 does with `docker exec`.
/// </summary>
public static class Rm
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("rm", "remove files (-f: ignore missing, -r: directories too), for swss.sh's docker exec", Usage, Run);

    private const string Usage = "usage: rm [-f] [-r] FILE...\n";

    private static int Run(ToolContext context, string[] args)
    {
        bool force = false, recursive = false;
        var files = new List<string>();
        foreach (string a in args)
        {
            if (a.Length > 1 && a[0] == '-' && files.Count == 0 && a.AsSpan(1).IndexOfAnyExcept("frR") < 0)
            {
                force |= a.Contains('f');
                recursive |= a.Contains('r') || a.Contains('R');
            }
            else if (a.StartsWith('-') && files.Count == 0 && a != "-")
                return context.UsageError(Usage, $"invalid option -- '{a.TrimStart('-')}'");
            else
                files.Add(a);
        }
        if (files.Count == 0)
            return force ? 0 : context.UsageError(Usage, "missing operand");
        int status = 0;
        foreach (string path in files)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is null && Directory.Exists(path))
                {
                    if (!recursive)
                    {
                        status = context.Fail($"cannot remove '{path}': Is a directory");
                        continue;
                    }
                    Directory.Delete(path, recursive: true);
                }
                else if (info.Exists || info.LinkTarget is not null)
                    File.Delete(path);
                else if (!force)
                    status = context.Fail($"cannot remove '{path}': No such file or directory");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                status = context.Fail($"cannot remove '{path}': {e.Message}");
            }
        }
        return status;
    }
}
