namespace Swssbox.Image.Elf;

/// <summary>
/// Finds the shared libraries an ELF needs, transitively, the way glibc's ld.so does: DT_RPATH (when there is no
/// DT_RUNPATH), DT_RUNPATH with $ORIGIN, the directories of /etc/ld.so.conf (what ld.so.cache indexes), then the
/// system directories. LD_LIBRARY_PATH is ignored on purpose: images must not depend on the builder's shell.
/// </summary>
public sealed class LibraryResolver
{
    private static readonly string[] SystemDirs = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib", "/lib64", "/usr/lib64"];
    private readonly IReadOnlyList<string> _configured;

    /// <summary>A resolver reading the host's /etc/ld.so.conf.</summary>
    public LibraryResolver(string ldSoConf = "/etc/ld.so.conf") => _configured = ReadLdSoConf(ldSoConf, 0);

    /// <summary>
    /// The ELF's interpreter and every library it needs, transitively, each once, sorted by image path. A library
    /// keeps the name the loader asks for (its DT_NEEDED name, e.g. libatomic.so.1) in its directory's real path
    /// (/usr/lib/x86_64-linux-gnu on merged-/usr); its content comes from the file that name finally resolves to.
    /// </summary>
    public IReadOnlyList<(string ImagePath, string Source)> Resolve(string elfPath)
    {
        var root = ElfFile.Read(elfPath);
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<ElfFile>([root]);
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        if (root.Interpreter is { } interp)
            found[HostPath.RealPath(interp)] = HostPath.RealPath(interp);
        while (queue.Count > 0)
        {
            var elf = queue.Dequeue();
            foreach (string name in elf.Needed)
            {
                if (!seenNames.Add(name))
                    continue;
                string candidate = Find(elf, name, root.Machine);
                string imagePath = Path.Combine(HostPath.RealPath(Path.GetDirectoryName(candidate)!), Path.GetFileName(candidate));
                if (found.TryAdd(imagePath, HostPath.RealPath(candidate)))
                    queue.Enqueue(ElfFile.Read(candidate));
            }
        }
        return found.Select(p => (p.Key, p.Value)).ToList();
    }

    private string Find(ElfFile from, string name, ushort machine)
    {
        if (name.Contains('/'))
            return name;
        string origin = Path.GetDirectoryName(HostPath.RealPath(from.Path)) ?? "/";
        IEnumerable<string> Expand(IEnumerable<string> dirs) => dirs.Select(d => d.Replace("$ORIGIN", origin).Replace("${ORIGIN}", origin));
        var dirs = (from.RunPath.Count == 0 ? Expand(from.RPath) : [])
            .Concat(Expand(from.RunPath)).Concat(_configured).Concat(SystemDirs).Distinct().ToList();
        foreach (string dir in dirs)
        {
            string candidate = Path.Combine(dir, name);
            // A library of another architecture in the same directory is skipped, as ld.so does.
            if (File.Exists(candidate) && ElfFile.IsElf(candidate) && ElfFile.Read(candidate).Machine == machine)
                return candidate;
        }
        throw Errors.LibraryNotFound(from.Path, name, dirs);
    }

    private static List<string> ReadLdSoConf(string file, int depth)
    {
        var dirs = new List<string>();
        if (!File.Exists(file) || depth > 8)
            return dirs;
        foreach (string raw in File.ReadAllLines(file))
        {
            string line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;
            if (line.StartsWith("include ", StringComparison.Ordinal))
            {
                string pattern = line[8..].Trim();
                string dir = Path.GetDirectoryName(pattern) ?? "/";
                string glob = Path.GetFileName(pattern);
                if (Directory.Exists(dir))
                    foreach (string included in Directory.GetFiles(dir, glob).Order(StringComparer.Ordinal))
                        dirs.AddRange(ReadLdSoConf(included, depth + 1));
                continue;
            }
            dirs.Add(line);
        }
        return dirs;
    }
}
