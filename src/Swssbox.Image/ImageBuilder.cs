using Swssbox.Image.Definition;
using Swssbox.Image.Elf;
using Swssbox.Image.Layers;
using Swssbox.Image.Oci;

namespace Swssbox.Image;

/// <summary>Definition file in, OCI layout and docker-archive out: parse, build layers, check links, write.</summary>
public static class ImageBuilder
{
    /// <summary>
    /// Builds the image defined in <paramref name="definitionFile"/>. Relative sources are read from
    /// <paramref name="root"/>; <paramref name="toolNames"/> are the multi-call binary's tools (for tool-links).
    /// </summary>
    public static BuiltImage Build(string definitionFile, string root, string outputDirectory, long epoch,
        IReadOnlyList<string> toolNames, string? repoTag = null)
    {
        var definition = DefinitionParser.Load(definitionFile);
        var builder = new LayerBuilder(root, toolNames, new LibraryResolver());
        var layers = definition.Layers.Select(l => builder.Build(definition, l)).ToList();
        SymlinkCheck.Verify(layers);
        return new ImageWriter(outputDirectory, epoch).Write(definition, layers, repoTag);
    }

    /// <summary>SOURCE_DATE_EPOCH (reproducible-builds.org), else <see cref="ImageWriter.DefaultEpoch"/>.</summary>
    public static long EpochFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out long e) && e >= 0 ? e : ImageWriter.DefaultEpoch;
}
