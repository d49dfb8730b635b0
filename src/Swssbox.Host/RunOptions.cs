using System.Text.Json;

namespace Swssbox.Host;

/// <summary>
/// Per-container run options from /etc/sonic/swssbox/&lt;service&gt;.json. Absent file: least privilege (the
/// capabilities swss's programs need, no --privileged). The seed's "privileged": true is available for platforms
/// whose SDK needs it. "image" and "container_name" override the built-in names (tests, side-by-side installs).
/// </summary>
public sealed record RunOptions(bool Privileged, IReadOnlyList<string> CapAdd, IReadOnlyList<string> SecurityOpt,
    IReadOnlyList<string> Env, string? Image, string? ContainerName)
{
    /// <summary>NET_ADMIN for links, routes and neighbours; NET_RAW for arping/ndisc (arp_update).</summary>
    public static RunOptions Default { get; } = new(false, ["NET_ADMIN", "NET_RAW"], [], [], null, null);

    /// <summary>The options in <paramref name="path"/>, or <see cref="Default"/> when it does not exist.</summary>
    public static RunOptions Load(string path)
    {
        if (!File.Exists(path))
            return Default;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostException($"{path}: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses the JSON object; errors name <paramref name="source"/> and the line.</summary>
    public static RunOptions Parse(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new HostException($"{source}: expected a JSON object");
            var options = Default;
            foreach (var p in root.EnumerateObject())
            {
                options = p.Name switch
                {
                    "privileged" => options with { Privileged = Bool(p, source) },
                    "cap_add" => options with { CapAdd = Strings(p, source) },
                    "security_opt" => options with { SecurityOpt = Strings(p, source) },
                    "env" => options with { Env = Strings(p, source) },
                    "image" => options with { Image = String(p, source) },
                    "container_name" => options with { ContainerName = String(p, source) },
                    _ => throw new HostException($"{source}: unknown option \"{p.Name}\" (known: privileged, cap_add, security_opt, env, image, container_name)"),
                };
            }
            return options;
        }
        catch (JsonException e)
        {
            throw new HostException($"{source}:{(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static bool Bool(JsonProperty p, string source) => p.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new HostException($"{source}: \"{p.Name}\" must be true or false, found {p.Value.GetRawText()}"),
    };

    private static string String(JsonProperty p, string source) =>
        p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } s
            ? s
            : throw new HostException($"{source}: \"{p.Name}\" must be a non-empty string, found {p.Value.GetRawText()}");

    private static List<string> Strings(JsonProperty p, string source)
    {
        if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new HostException($"{source}: \"{p.Name}\" must be an array of strings, found {p.Value.GetRawText()}");
        return p.Value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
