using Swssbox.Image.Definition;
using Swssbox.Image.Elf;

namespace Swssbox.Image.Layers;

/// <summary>
/// Turns a layer definition into entries: host files and trees read from <see cref="Root"/> (relative sources),
/// tool links from the multi-call binary's tool list, ELF files with their libraries. Modes are normalised (files
/// 0755 when executable, else 0644; directories 0755) so the checkout's umask never shows in a digest.
/// </summary>
public sealed class LayerBuilder(string root, IReadOnlyList<string> toolNames, LibraryResolver libraries)
{
    /// <summary>The directory relative sources are read from (the repository root).</summary>
    public string Root { get; } = root;

    /// <summary>Builds one layer of <paramref name="definition"/>.</summary>
    public Layer Build(ImageDefinition definition, LayerDefinition layerDefinition)
    {
        var layer = new Layer(layerDefinition.Name, layerDefinition.Comment);
        foreach (var item in layerDefinition.Items)
        {
            string origin = $"{definition.File}:{item.Line}";
            string to = ImagePath.Normalize(item.To);
            switch (item.Kind)
            {
                case ItemKind.Dir:
                    layer.Add(new LayerEntry(to, EntryKind.Directory, item.Mode ?? 0b111_101_101, origin));
                    break;
                case ItemKind.Symlink:
                    layer.Add(new LayerEntry(to, EntryKind.Symlink, 0b111_111_111, origin) { LinkTarget = item.Target });
                    break;
                case ItemKind.ToolLinks:
                    foreach (string tool in toolNames.Where(t => t != item.Target))
                        layer.Add(new LayerEntry(ImagePath.Join(to, tool), EntryKind.Symlink, 0b111_111_111, origin) { LinkTarget = item.Target });
                    break;
                case ItemKind.File:
                    AddFile(layer, definition, item, to, origin);
                    break;
                case ItemKind.Tree:
                    AddTree(layer, definition, item, to);
                    break;
                case ItemKind.Elf:
                    AddElf(layer, definition, item, to, origin);
                    break;
            }
        }
        return layer;
    }

    private string Host(string source) => Path.IsPathRooted(source) ? source : Path.Combine(Root, source);

    private void AddFile(Layer layer, ImageDefinition definition, ItemDefinition item, string to, string origin)
    {
        string host = Host(item.Source);
        if (Directory.Exists(host))
            throw Errors.BadDefinition(definition.File, item.Line, $"{item.Source}: is a directory (use \"tree\")");
        if (!File.Exists(host))
            throw Errors.Missing(definition.File, item.Line, item.Source);
        // Content is read through symlinks; the real path also gives the real size.
        layer.Add(new LayerEntry(to, EntryKind.File, item.Mode ?? FileMode(host), origin) { SourceFile = HostPath.RealPath(host) });
    }

    private void AddTree(Layer layer, ImageDefinition definition, ItemDefinition item, string to)
    {
        string host = Host(item.Source);
        if (!Directory.Exists(host))
        {
            if (item.Optional)
                return;
            throw Errors.Missing(definition.File, item.Line, item.Source);
        }
        var pending = new Stack<(string Host, string Image, string Shown)>();
        pending.Push((host, to, item.Source.TrimEnd('/')));
        while (pending.Count > 0)
        {
            var (dir, imageDir, shown) = pending.Pop();
            if (imageDir != "/")
                layer.Add(new LayerEntry(imageDir, EntryKind.Directory, 0b111_101_101, shown));
            foreach (var info in new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                string image = ImagePath.Join(imageDir, info.Name);
                string shownPath = shown + "/" + info.Name;
                if (info.LinkTarget is { } target)
                    layer.Add(new LayerEntry(image, EntryKind.Symlink, 0b111_111_111, shownPath) { LinkTarget = target });
                else if (info is DirectoryInfo)
                    pending.Push((info.FullName, image, shownPath));
                else
                    layer.Add(new LayerEntry(image, EntryKind.File, FileMode(info.FullName), shownPath) { SourceFile = info.FullName });
            }
        }
    }

    private void AddElf(Layer layer, ImageDefinition definition, ItemDefinition item, string to, string origin)
    {
        string host = Host(item.Source);
        if (!File.Exists(host))
            throw Errors.Missing(definition.File, item.Line, item.Source);
        layer.Add(new LayerEntry(to, EntryKind.File, item.Mode ?? FileMode(host), origin) { SourceFile = HostPath.RealPath(host) });
        var elf = ElfFile.Read(host);
        foreach (var (imagePath, source) in libraries.Resolve(host))
            layer.Add(new LayerEntry(imagePath, EntryKind.File, FileMode(source), source) { SourceFile = source });
        // The interpreter's path is fixed in the executable (/lib64/ld-linux-x86-64.so.2); the file itself is
        // stored at its real path, where libc's own DT_NEEDED finds it, and the fixed path links there.
        if (elf.Interpreter is { } interp && HostPath.RealPath(interp) is var real && real != interp)
            layer.Add(new LayerEntry(ImagePath.Normalize(interp), EntryKind.Symlink, 0b111_111_111, origin) { LinkTarget = real });
    }

        private static int FileMode(string hostFile)
    {
        if (OperatingSystem.IsWindows())
            return 0b110_100_100;
        var mode = File.GetUnixFileMode(hostFile);
        return (mode & UnixFileMode.UserExecute) != 0 ? 0b111_101_101 : 0b110_100_100;
    }
}
