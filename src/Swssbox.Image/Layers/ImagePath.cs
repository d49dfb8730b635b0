namespace Swssbox.Image.Layers;

/// <summary>Absolute, normalised paths inside an image ("/usr/bin/x"); the layer tar stores them without the '/'.</summary>
public static class ImagePath
{
    /// <summary>Normalises: collapses '//' and '.', resolves '..' (clamped at '/'), no trailing '/'.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The parent directory, or null for "/".</summary>
    public static string? Parent(string path)
    {
        if (path == "/") return null;
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>Joins an image directory and a relative path.</summary>
    public static string Join(string dir, string relative) => Normalize(dir.TrimEnd('/') + "/" + relative);

    /// <summary>The name in a layer tar: no leading '/'.</summary>
    public static string TarName(string path) => path.TrimStart('/');
}
