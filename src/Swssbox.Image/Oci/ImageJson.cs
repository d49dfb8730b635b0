using System.Text.Json;
using Swssbox.Image.Definition;

namespace Swssbox.Image.Oci;

/// <summary>
/// The JSON documents of an image, written with Utf8JsonWriter in a fixed key order (no serializer, no
/// reflection) so their bytes, and hence digests, depend only on the inputs.
/// </summary>
public static class ImageJson
{
    /// <summary>The image config (image-spec config.md): platform, run settings, rootfs diff_ids, history.</summary>
    public static byte[] Config(ImageDefinition d, IReadOnlyList<BuiltLayer> layers, string created, string createdBy) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("architecture", "amd64");
        w.WriteString("os", "linux");
        w.WriteString("created", created);
        w.WriteStartObject("config");
        if (d.Entrypoint is { } entrypoint) Strings(w, "Entrypoint", entrypoint);
        if (d.Cmd is { } cmd) Strings(w, "Cmd", cmd);
        if (d.Env.Count > 0) Strings(w, "Env", d.Env);
        if (d.WorkingDir.Length > 0) w.WriteString("WorkingDir", d.WorkingDir);
        if (d.StopSignal.Length > 0) w.WriteString("StopSignal", d.StopSignal);
        if (d.Labels.Count > 0) Map(w, "Labels", d.Labels);
        if (d.Volumes.Count > 0)
        {
            w.WriteStartObject("Volumes");
            foreach (string v in d.Volumes.Order(StringComparer.Ordinal))
            {
                w.WriteStartObject(v);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("rootfs");
        w.WriteString("type", "layers");
        Strings(w, "diff_ids", layers.Select(l => l.DiffId).ToList());
        w.WriteEndObject();
        w.WriteStartArray("history");
        foreach (var (layer, definition) in layers.Zip(d.Layers))
        {
            w.WriteStartObject();
            w.WriteString("created", created);
            w.WriteString("created_by", $"{createdBy} layer {layer.Name}");
            if (definition.Comment.Length > 0) w.WriteString("comment", definition.Comment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The OCI image manifest.</summary>
    public static byte[] Manifest(Descriptor config, IReadOnlyList<BuiltLayer> layers, IReadOnlyDictionary<string, string> annotations) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 2);
        w.WriteString("mediaType", MediaTypes.Manifest);
        w.WritePropertyName("config");
        DescriptorObject(w, MediaTypes.Config, config, null);
        w.WriteStartArray("layers");
        foreach (var l in layers)
            DescriptorObject(w, MediaTypes.LayerGzip, l.Blob, null);
        w.WriteEndArray();
        Map(w, "annotations", annotations);
        w.WriteEndObject();
    });

    /// <summary>index.json of the layout, naming the manifest as containerd and `docker save` (25+) do.</summary>
    public static byte[] Index(Descriptor manifest, string fullName, string tag) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 2);
        w.WriteString("mediaType", MediaTypes.Index);
        w.WriteStartArray("manifests");
        DescriptorObject(w, MediaTypes.Manifest, manifest, new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["io.containerd.image.name"] = fullName,
            ["org.opencontainers.image.ref.name"] = tag,
        });
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>docker-archive's manifest.json: what engines before 25 read to load (moby image/tarexport).</summary>
    public static byte[] DockerManifest(Descriptor config, IReadOnlyList<BuiltLayer> layers, string repoTag) => Write(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("Config", "blobs/sha256/" + config.Hex);
        Strings(w, "RepoTags", [repoTag]);
        Strings(w, "Layers", layers.Select(l => "blobs/sha256/" + l.Blob.Hex).ToList());
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>The oci-layout marker file.</summary>
    public static byte[] Layout() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("imageLayoutVersion", "1.0.0");
        w.WriteEndObject();
    });

    private static void DescriptorObject(Utf8JsonWriter w, string mediaType, Descriptor d, IReadOnlyDictionary<string, string>? annotations)
    {
        w.WriteStartObject();
        w.WriteString("mediaType", mediaType);
        w.WriteString("digest", d.Digest);
        w.WriteNumber("size", d.Size);
        if (annotations is not null) Map(w, "annotations", annotations);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return buffer.ToArray();
    }
}
