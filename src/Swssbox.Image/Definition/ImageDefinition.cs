namespace Swssbox.Image.Definition;

/// <summary>An image as written in image/&lt;name&gt;.json: its reference, run settings and layers (bottom first).</summary>
public sealed record ImageDefinition(string File, string Name, string Tag, IReadOnlyList<LayerDefinition> Layers)
{
    /// <summary>ENTRYPOINT (null: none).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>CMD (null: none).</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Environment, "NAME=value".</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Working directory ("" = the runtime's default, /).</summary>
    public string WorkingDir { get; init; } = "";

    /// <summary>Signal that stops the container (e.g. SIGTERM), or "".</summary>
    public string StopSignal { get; init; } = "";

    /// <summary>Config labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra manifest annotations (org.opencontainers.image.* are added by the writer).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Declared volumes (absolute paths).</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];
}

/// <summary>One layer: a name (for history), a comment, and what goes in it.</summary>
public sealed record LayerDefinition(string Name, string Comment, IReadOnlyList<ItemDefinition> Items);

/// <summary>What a layer item adds.</summary>
public enum ItemKind
{
    /// <summary>An empty directory ("dir", "mode").</summary>
    Dir,
    /// <summary>One host file ("file" source, "to" image path, "mode").</summary>
    File,
    /// <summary>A host directory tree, symlinks kept ("tree" source, "to", "optional").</summary>
    Tree,
    /// <summary>A symlink ("symlink" image path, "target").</summary>
    Symlink,
    /// <summary>A link to the multi-call binary per tool it lists ("tool-links" image dir, "target").</summary>
    ToolLinks,
    /// <summary>An ELF executable with its interpreter and shared libraries ("elf" source, "to").</summary>
    Elf,
}

/// <summary>One item of a layer; <see cref="Line"/> is where it is in the definition, for errors.</summary>
public sealed record ItemDefinition(ItemKind Kind, int Line)
{
    /// <summary>Host source (file, tree, elf), relative to the build root unless absolute.</summary>
    public string Source { get; init; } = "";

    /// <summary>Image path (file, tree, elf, dir, symlink, tool-links directory).</summary>
    public string To { get; init; } = "";

    /// <summary>Symlink target.</summary>
    public string Target { get; init; } = "";

    /// <summary>Explicit mode (octal in the file), or null for the default.</summary>
    public int? Mode { get; init; }

    /// <summary>A tree that may be absent (files other work supplies).</summary>
    public bool Optional { get; init; }
}
