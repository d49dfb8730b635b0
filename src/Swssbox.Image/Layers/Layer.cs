namespace Swssbox.Image.Layers;

/// <summary>A built layer: its name and comment (for history) and its entries keyed by image path.</summary>
public sealed class Layer(string name, string comment)
{
    private readonly SortedDictionary<string, LayerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The layer's name.</summary>
    public string Name { get; } = name;

    /// <summary>Its comment (history).</summary>
    public string Comment { get; } = comment;

    /// <summary>Entries sorted by image path (ordinal), parents before children.</summary>
    public IEnumerable<LayerEntry> Entries => _entries.Values;

    /// <summary>The entry at <paramref name="path"/>, or null.</summary>
    public LayerEntry? Find(string path) => _entries.GetValueOrDefault(path);

    /// <summary>
    /// Adds an entry and any missing parent directories (0755). The same directory twice merges (an explicit mode
    /// wins over an implied parent); the same file from the same source twice is one entry; anything else twice
    /// is an error naming both origins.
    /// </summary>
    public void Add(LayerEntry entry, bool impliedParent = false)
    {
        string path = entry.Path;
        string? parent = ImagePath.Parent(path);
        if (parent is not null && parent != "/")
            Add(new LayerEntry(parent, EntryKind.Directory, 0b111_101_101, entry.Origin), impliedParent: true);
        if (_entries.TryGetValue(path, out var existing))
        {
            if (existing.Kind == EntryKind.Directory && entry.Kind == EntryKind.Directory)
            {
                if (!impliedParent)
                    _entries[path] = entry;
                return;
            }
            if (existing.Kind == entry.Kind && existing.SourceFile == entry.SourceFile && existing.LinkTarget == entry.LinkTarget && existing.Mode == entry.Mode && existing.Content is null && entry.Content is null)
                return;
            throw Errors.Conflict(entry.Origin, path, existing.Origin);
        }
        _entries[path] = entry;
    }
}
