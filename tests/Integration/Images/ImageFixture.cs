using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Images;

/// <summary>
/// Builds image/docker-orchagent-bfn.json and image/docker-database.json once with the published binary's
/// mkimage, under unique tags in a private output directory, and loads both archives into the real Docker
/// engine. Removes the images afterwards.
/// </summary>
public sealed class ImageFixture : IDisposable
{
    public ImageFixture()
    {
        Output = Directory.CreateTempSubdirectory("swssbox-images-").FullName;
        Orchagent = Build("docker-orchagent-bfn", "orchagent");
        Database = Build("docker-database", "database");
        foreach (var image in new[] { Orchagent, Database })
        {
            var load = Docker.Run(["load", "-i", image.Archive]);
            Assert.Contains($"Loaded image: {image.Reference}", load.Stdout);
        }
    }

    /// <summary>Where the images were written.</summary>
    public string Output { get; }

    /// <summary>docker-orchagent-bfn, loaded.</summary>
    public Built Orchagent { get; }

    /// <summary>docker-database, loaded.</summary>
    public Built Database { get; }

    /// <summary>One mkimage result: reference, digests and files.</summary>
    public sealed record Built(string Reference, string ManifestDigest, string ImageId, long Uncompressed, string Layout, string Archive);

    /// <summary>Runs mkimage on image/&lt;definition&gt;.json into <paramref name="output"/> as <paramref name="reference"/>.</summary>
    public static (RunResult Run, Built? Image) MkImage(string definition, string reference, string output, IDictionary<string, string>? env = null)
    {
        var run = Fixtures.Run.Swssbox(["mkimage", "-C", Repo.Root, "-o", output, "-t", reference, Path.Combine(Repo.Root, "image", definition + ".json")], env);
        if (run.ExitCode != 0)
            return (run, null);
        var fields = run.Stdout.Trim().Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        string file = reference.Split(':')[0];
        return (run, new Built(reference, fields["manifest"], fields["id"], long.Parse(fields["uncompressed"]),
            Path.Combine(output, file + ".oci"), Path.Combine(output, file + ".tar")));
    }

    private Built Build(string definition, string what)
    {
        var (run, image) = MkImage(definition, Docker.UniqueName(what) + ":test", Output);
        Assert.True(image is not null, run.Stderr);
        return image!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Docker.Run(["rmi", "-f", Orchagent.Reference, Database.Reference], check: false);
        Directory.Delete(Output, true);
    }
}
