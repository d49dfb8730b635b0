namespace Swssbox.Image.Oci;

/// <summary>OCI image-spec media types (image-spec v1.1 media-types.md).</summary>
public static class MediaTypes
{
    /// <summary>Image index.</summary>
    public const string Index = "application/vnd.oci.image.index.v1+json";
    /// <summary>Image manifest.</summary>
    public const string Manifest = "application/vnd.oci.image.manifest.v1+json";
    /// <summary>Image config.</summary>
    public const string Config = "application/vnd.oci.image.config.v1+json";
    /// <summary>gzip-compressed layer.</summary>
    public const string LayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
}
