namespace Swssbox.Image.Elf;

/// <summary>Path resolution on the build host.</summary>
public static class HostPath
{
    /// <summary>
    /// realpath(3) without libc: every component's symlinks resolved, so a library reached through merged-/usr
    /// links (/lib -> usr/lib) is stored once, at its one real path.
    /// </summary>
    public static string RealPath(string path)
    {
        var parts = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = "/";
        for (int hops = 0; parts.Count > 0;)
        {
            string part = parts.Pop();
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? "/"; continue; }
            string next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40)
                    throw new IOException($"{path}: too many levels of symbolic links");
                foreach (string p in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                    parts.Push(p);
                if (target.StartsWith('/'))
                    current = "/";
                continue;
            }
            current = next;
        }
        return current;
    }
}
