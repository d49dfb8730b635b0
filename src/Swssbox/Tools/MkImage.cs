using Swssbox.Image;

namespace Swssbox;

/// <summary>
/// mkimage: builds container images from image/&lt;name&gt;.json without a Docker daemon (Swssbox.Image does the
/// work). SONiC builds its images with `docker build`; this replaces that step for swssbox's own images.
/// </summary>
public static class MkImage
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("mkimage", "build reproducible OCI/docker-archive images from image/*.json", Usage, Run);

    private const string Usage =
        "usage: mkimage [-C ROOT] [-o DIR] [-t NAME:TAG] DEFINITION...\n" +
        "\n" +
        "  -C ROOT      read relative sources from ROOT (default: the current directory)\n" +
        "  -o DIR       write DIR/<name>.oci/ and DIR/<name>.tar (default: ROOT/out/images)\n" +
        "  -t NAME:TAG  override the definition's name and tag (one definition only)\n" +
        "\n" +
        "Layer mtimes come from SOURCE_DATE_EPOCH (default 1704067200). tool-links items link every tool this\n" +
        "binary lists (swssbox --list). Prints per image: reference, manifest digest, image ID (config digest),\n" +
        "layer count, uncompressed and compressed size in bytes.\n";

    private static int Run(ToolContext context, string[] args)
    {
        string root = Directory.GetCurrentDirectory();
        string? output = null, repoTag = null;
        var definitions = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-C": if (++i >= args.Length) return context.UsageError(Usage, "-C needs a directory"); root = Path.GetFullPath(args[i]); break;
                case "-o": if (++i >= args.Length) return context.UsageError(Usage, "-o needs a directory"); output = args[i]; break;
                case "-t": if (++i >= args.Length) return context.UsageError(Usage, "-t needs NAME:TAG"); repoTag = args[i]; break;
                default:
                    if (args[i].StartsWith('-'))
                        return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
                    definitions.Add(args[i]);
                    break;
            }
        }
        if (definitions.Count == 0)
            return context.UsageError(Usage, "no image definition given");
        if (repoTag is not null && definitions.Count > 1)
            return context.UsageError(Usage, "-t applies to one definition only");
        output = Path.GetFullPath(output ?? Path.Combine(root, "out", "images"));
        var tools = Tools.All.Select(t => t.Name).ToList();
        long epoch = ImageBuilder.EpochFromEnvironment();
        foreach (string definition in definitions)
        {
            try
            {
                var image = ImageBuilder.Build(definition, root, output, epoch, tools, repoTag);
                context.Out.WriteLine($"{image.Reference} manifest={image.Manifest.Digest} id={image.Config.Digest} layers={image.Layers.Count} uncompressed={image.UncompressedSize} compressed={image.CompressedSize}");
            }
            catch (ImageException e)
            {
                return context.Fail(e.Message);
            }
        }
        return 0;
    }
}
