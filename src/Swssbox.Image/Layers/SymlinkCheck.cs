namespace Swssbox.Image.Layers;

/// <summary>
/// Every symlink of an image must land on something the image holds, resolved as the kernel will inside the
/// container (absolute targets from the image root, relative ones from the link's directory, links followed).
/// A link that climbs above "/" or points at a host-only path would work on the builder and fail on the switch.
/// </summary>
public static class SymlinkCheck
{
    /// <summary>Throws for the first dangling, escaping or looping link, naming where it came from.</summary>
    public static void Verify(IReadOnlyList<Layer> layers)
    {
        // The container's view: the union of all layers, upper layers winning.
        var union = new Dictionary<string, LayerEntry>(StringComparer.Ordinal) { ["/"] = new("/", EntryKind.Directory, 0b111_101_101, "/") };
        foreach (var layer in layers)
            foreach (var entry in layer.Entries)
                union[entry.Path] = entry;
        foreach (var link in union.Values.Where(e => e.Kind == EntryKind.Symlink).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            string target = link.LinkTarget!;
            string start = target.StartsWith('/') ? target : (ImagePath.Parent(link.Path) ?? "/") + "/" + target;
            switch (Resolve(union, start, 0))
            {
                case Outcome.Escapes: throw Errors.EscapingSymlink(link.Origin, link.Path, target);
                case Outcome.Missing: throw Errors.DanglingSymlink(link.Origin, link.Path, target);
                case Outcome.Loop: throw Errors.SymlinkLoop(link.Origin, link.Path);
            }
        }
    }

    private enum Outcome { Found, Missing, Escapes, Loop }

    private static Outcome Resolve(Dictionary<string, LayerEntry> union, string path, int depth)
    {
        if (depth > 40)
            return Outcome.Loop;
        var parts = new Queue<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        string current = "/";
        while (parts.Count > 0)
        {
            string part = parts.Dequeue();
            if (part == ".") continue;
            if (part == "..")
            {
                if (current == "/") return Outcome.Escapes;
                current = ImagePath.Parent(current)!;
                continue;
            }
            string next = current == "/" ? "/" + part : current + "/" + part;
            if (!union.TryGetValue(next, out var entry))
                return Outcome.Missing;
            if (entry.Kind == EntryKind.Symlink)
            {
                string t = entry.LinkTarget!;
                string rest = string.Join('/', parts);
                string joined = (t.StartsWith('/') ? t : current + "/" + t) + (rest.Length > 0 ? "/" + rest : "");
                return Resolve(union, joined, depth + 1);
            }
            if (entry.Kind == EntryKind.File && parts.Count > 0)
                return Outcome.Missing;
            current = next;
        }
        return Outcome.Found;
    }
}
