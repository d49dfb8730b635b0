using System.Globalization;
using System.Text.Json;

namespace Swssbox.Image.Definition;

/// <summary>
/// Reads an image definition (JSON, comments and trailing commas allowed) with JsonDocument, strictly: an unknown
/// key or a wrong type is an error naming file and line, so a typo cannot silently drop a file from an image.
/// </summary>
public static class DefinitionParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses <paramref name="file"/>.</summary>
    public static ImageDefinition Load(string file)
    {
        string text = File.ReadAllText(file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw Errors.BadDefinition(file, (int)(e.LineNumber ?? 0) + 1, e.Message.Split(" LineNumber:")[0]);
        }
        using (doc)
            return new Reader(file, text).Image(doc.RootElement);
    }

    private sealed class Reader(string file, string text)
    {
        // JsonDocument keeps no positions; an element's line is found from its raw text, searched onward from the
        // previous item's place so that repeated values land on the right line.
        private int _searchFrom;

        public ImageDefinition Image(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "the definition");
            Keys(root, "the definition", "name", "tag", "entrypoint", "cmd", "env", "workdir", "stop-signal", "labels", "annotations", "volumes", "layers");
            string name = String(root, "name", required: true);
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.' or '/')))
                throw Fail(root, $"name '{name}' is not a valid repository name (lower-case letters, digits, -_./)");
            var layers = new List<LayerDefinition>();
            if (!root.TryGetProperty("layers", out var layersElement) || layersElement.ValueKind != JsonValueKind.Array || layersElement.GetArrayLength() == 0)
                throw Fail(root, "\"layers\" must be a non-empty list");
            foreach (var layer in layersElement.EnumerateArray())
                layers.Add(Layer(layer));
            return new ImageDefinition(file, name, String(root, "tag") is { Length: > 0 } tag ? tag : "latest", layers)
            {
                Entrypoint = root.TryGetProperty("entrypoint", out _) ? Strings(root, "entrypoint") : null,
                Cmd = root.TryGetProperty("cmd", out _) ? Strings(root, "cmd") : null,
                Env = Strings(root, "env"),
                WorkingDir = String(root, "workdir"),
                StopSignal = String(root, "stop-signal"),
                Labels = Map(root, "labels"),
                Annotations = Map(root, "annotations"),
                Volumes = Strings(root, "volumes"),
            };
        }

        private LayerDefinition Layer(JsonElement layer)
        {
            Expect(layer, JsonValueKind.Object, "a layer");
            Keys(layer, "a layer", "name", "comment", "items");
            string name = String(layer, "name", required: true);
            var items = new List<ItemDefinition>();
            if (!layer.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
                throw Fail(layer, $"layer '{name}' needs an \"items\" list");
            foreach (var item in list.EnumerateArray())
                items.Add(Item(item));
            return new LayerDefinition(name, String(layer, "comment"), items);
        }

        private ItemDefinition Item(JsonElement item)
        {
            Expect(item, JsonValueKind.Object, "a layer item");
            int line = LineOf(item);
            string[] kinds = ["dir", "file", "tree", "symlink", "tool-links", "elf"];
            var present = kinds.Where(k => item.TryGetProperty(k, out _)).ToArray();
            if (present.Length != 1)
                throw Errors.BadDefinition(file, line, $"an item needs exactly one of {string.Join(", ", kinds)}");
            int? mode = null;
            if (item.TryGetProperty("mode", out var m))
            {
                if (m.ValueKind != JsonValueKind.String || !TryOctal(m.GetString()!, out int parsed))
                    throw Errors.BadDefinition(file, line, "\"mode\" must be an octal string such as \"0755\"");
                mode = parsed;
            }
            string kind = present[0];
            string value = String(item, kind, required: true);
            var result = kind switch
            {
                "dir" => new ItemDefinition(ItemKind.Dir, line) { To = value },
                "file" => new ItemDefinition(ItemKind.File, line) { Source = value, To = String(item, "to", required: true) },
                "tree" => new ItemDefinition(ItemKind.Tree, line) { Source = value, To = String(item, "to") is { Length: > 0 } to ? to : "/", Optional = Bool(item, "optional") },
                "symlink" => new ItemDefinition(ItemKind.Symlink, line) { To = value, Target = String(item, "target", required: true) },
                "tool-links" => new ItemDefinition(ItemKind.ToolLinks, line) { To = value, Target = String(item, "target", required: true) },
                _ => new ItemDefinition(ItemKind.Elf, line) { Source = value, To = String(item, "to", required: true) },
            };
            Keys(item, "a " + kind + " item", kind, "to", "target", "mode", "optional");
            if (!result.To.StartsWith('/'))
                throw Errors.BadDefinition(file, line, $"image path '{result.To}' must be absolute");
            return result with { Mode = mode };
        }

        private static bool TryOctal(string s, out int value)
        {
            value = 0;
            if (s.Length is 0 or > 5) return false;
            foreach (char c in s)
            {
                if (c is < '0' or > '7') return false;
                value = value * 8 + (c - '0');
            }
            return true;
        }

        private void Keys(JsonElement obj, string what, params string[] allowed)
        {
            foreach (var p in obj.EnumerateObject())
                if (!allowed.Contains(p.Name))
                    throw Fail(obj, $"unknown key \"{p.Name}\" in {what} (known: {string.Join(", ", allowed)})");
        }

        private void Expect(JsonElement e, JsonValueKind kind, string what)
        {
            if (e.ValueKind != kind)
                throw Fail(e, $"{what} must be a JSON {kind.ToString().ToLowerInvariant()}");
        }

        private string String(JsonElement obj, string key, bool required = false)
        {
            if (!obj.TryGetProperty(key, out var v))
                return required ? throw Fail(obj, $"missing \"{key}\"") : "";
            return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Fail(obj, $"\"{key}\" must be a string");
        }

        private bool Bool(JsonElement obj, string key) =>
            obj.TryGetProperty(key, out var v) && (v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Fail(obj, $"\"{key}\" must be true or false"));

        private List<string> Strings(JsonElement obj, string key)
        {
            if (!obj.TryGetProperty(key, out var v))
                return [];
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw Fail(obj, $"\"{key}\" must be a list of strings");
            return v.EnumerateArray().Select(e => e.GetString()!).ToList();
        }

        private SortedDictionary<string, string> Map(JsonElement obj, string key)
        {
            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!obj.TryGetProperty(key, out var v))
                return map;
            if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
                throw Fail(obj, $"\"{key}\" must map names to strings");
            foreach (var p in v.EnumerateObject())
                map[p.Name] = p.Value.GetString()!;
            return map;
        }

        private ImageException Fail(JsonElement e, string detail) => Errors.BadDefinition(file, LineOf(e), detail);

        private int LineOf(JsonElement e)
        {
            string raw = e.GetRawText();
            string probe = raw.Length > 40 ? raw[..40] : raw;
            int at = text.IndexOf(probe, _searchFrom, StringComparison.Ordinal);
            if (at < 0)
                at = text.IndexOf(probe, StringComparison.Ordinal);
            if (at < 0)
                return 0;
            if (e.ValueKind == JsonValueKind.Object && raw.Length < text.Length)
                _searchFrom = at + 1;
            return 1 + text.AsSpan(0, at).Count('\n');
        }
    }

    /// <summary>Formats a mode as the definition writes it.</summary>
    public static string ModeText(int mode) => Convert.ToString(mode, 8).PadLeft(4, '0').ToString(CultureInfo.InvariantCulture);
}
