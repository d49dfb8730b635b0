using Swssbox.Templates.Parsing;
using Swssbox.Templates.Values;

namespace Swssbox.Templates.Rendering;

/// <summary>A filter: (renderer, value, positional args, keyword args) → result.</summary>
public delegate object? FilterFunction(Renderer renderer, object? value, IReadOnlyList<object?> args, IReadOnlyList<KeyValuePair<string, object?>> kwargs);

/// <summary>A test: (renderer, value, positional args) → bool.</summary>
public delegate bool TestFunction(Renderer renderer, object? value, IReadOnlyList<object?> args);

/// <summary>
/// jinja2.Environment: options, loader search path, filters, tests and globals, and a cache of compiled
/// templates. Defaults are Jinja2's (<see cref="TrimBlocks"/> off); no autoescape, default Undefined.
/// </summary>
public sealed class TemplateEnvironment
{
    private readonly Dictionary<string, Template> _cache = new(StringComparer.Ordinal);

    /// <summary>An environment with Jinja2's built-in filters, tests and globals.</summary>
    public TemplateEnvironment(bool trimBlocks = false, IReadOnlyList<string>? searchPath = null)
    {
        TrimBlocks = trimBlocks;
        SearchPath = searchPath ?? [];
        BuiltinFilters.Register(Filters);
        BuiltinTests.Register(Tests);
        BuiltinGlobals.Register(Globals);
    }

    /// <summary>Remove the first newline after a block tag (Jinja2 trim_blocks).</summary>
    public bool TrimBlocks { get; }

    /// <summary>FileSystemLoader search path (first match wins).</summary>
    public IReadOnlyList<string> SearchPath { get; }

    /// <summary>Filters by name.</summary>
    public Dictionary<string, FilterFunction> Filters { get; } = new(StringComparer.Ordinal);

    /// <summary>Tests by name.</summary>
    public Dictionary<string, TestFunction> Tests { get; } = new(StringComparer.Ordinal);

    /// <summary>Globals visible to every template (and to imports without context).</summary>
    public Dictionary<string, object?> Globals { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiles a template from a string.</summary>
    public Template FromString(string source, string name = "<template>") => new(this, name, Parser.Parse(source, name, TrimBlocks));

    /// <summary>Where the loader finds <paramref name="name"/>, or null (FileSystemLoader: path pieces joined to each search directory).</summary>
    public string? Locate(string name)
    {
        var pieces = new List<string>();
        foreach (var piece in name.Split('/'))
        {
            if (piece == "..")
                return null;
            if (piece.Length > 0 && piece != ".")
                pieces.Add(piece);
        }
        string relative = string.Join('/', pieces);
        foreach (var dir in SearchPath)
        {
            string path = Path.Combine(dir, relative);
            if (File.Exists(path))
                return path;
        }
        return null;
    }

    /// <summary>Loads and compiles a template by name through the search path (cached).</summary>
    public Template GetTemplate(string name)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;
        string path = Locate(name) ?? throw NotFound(name);
        var template = new Template(this, name, Parser.Parse(File.ReadAllText(path), name, TrimBlocks)) { Path = path };
        _cache[name] = template;
        return template;
    }

    /// <summary>Jinja2's TemplateNotFound message.</summary>
    public TemplateException NotFound(string name) =>
        new(TemplateErrorKind.NotFound, $"{PyRepr.Repr(name)} not found in search path{(SearchPath.Count == 1 ? "" : "s")}: {string.Join(", ", SearchPath.Select(PyRepr.Repr))}");
}
