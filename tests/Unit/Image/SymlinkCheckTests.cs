using Swssbox.Image;
using Swssbox.Image.Layers;

namespace Swssbox.Tests.Unit.Image;

/// <summary>Links are resolved across all layers as the container will see them.</summary>
public sealed class SymlinkCheckTests
{
    private static Layer Base()
    {
        var layer = new Layer("base", "");
        layer.Add(new LayerEntry("/usr/bin/swssbox", EntryKind.File, 0b111_101_101, "base") { Content = [] });
        layer.Add(new LayerEntry("/etc/sonic", EntryKind.Directory, 0b111_101_101, "base"));
        return layer;
    }

    private static Layer With(string path, string target)
    {
        var layer = new Layer("top", "");
        layer.Add(new LayerEntry(path, EntryKind.Symlink, 0b111_111_111, "rootfs/x" + path) { LinkTarget = target });
        return layer;
    }

    [Theory]
    [InlineData("/usr/bin/orchagent", "swssbox")]
    [InlineData("/usr/local/bin/x", "../../bin/swssbox")]
    [InlineData("/sbin/y", "/usr/bin/swssbox")]
    [InlineData("/etc/cfg", "sonic")]
    public void Accepts_links_that_land_inside_the_image(string path, string target) =>
        SymlinkCheck.Verify([Base(), With(path, target)]);

    [Fact]
    public void Rejects_a_dangling_link_naming_its_source()
    {
        var e = Assert.Throws<ImageException>(() => SymlinkCheck.Verify([Base(), With("/usr/bin/gone", "nothing")]));
        Assert.Equal("rootfs/x/usr/bin/gone: symlink /usr/bin/gone -> nothing points at nothing in the image", e.Message);
    }

    [Fact]
    public void Rejects_a_link_that_climbs_above_the_root()
    {
        var e = Assert.Throws<ImageException>(() => SymlinkCheck.Verify([Base(), With("/etc/passwd", "../../../etc/passwd")]));
        Assert.Contains("escapes the image root", e.Message);
        Assert.StartsWith("rootfs/x/etc/passwd: ", e.Message);
    }

    [Fact]
    public void Rejects_a_loop()
    {
        var layer = With("/a", "b");
        layer.Add(new LayerEntry("/b", EntryKind.Symlink, 0b111_111_111, "rootfs/x/b") { LinkTarget = "a" });
        Assert.Contains("loop", Assert.Throws<ImageException>(() => SymlinkCheck.Verify([Base(), layer])).Message);
    }

    [Fact]
    public void A_layer_rejects_two_different_entries_at_one_path()
    {
        var layer = Base();
        var e = Assert.Throws<ImageException>(() => layer.Add(new LayerEntry("/usr/bin/swssbox", EntryKind.Symlink, 0b111_111_111, "other") { LinkTarget = "x" }));
        Assert.Equal("other: /usr/bin/swssbox is already defined in this layer by base", e.Message);
    }
}
