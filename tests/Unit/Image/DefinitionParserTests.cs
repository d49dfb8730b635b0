using Swssbox.Image;
using Swssbox.Image.Definition;

namespace Swssbox.Tests.Unit.Image;

/// <summary>Image definitions are read strictly; errors name file and line.</summary>
public sealed class DefinitionParserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-def-").FullName;

    private string File(string text)
    {
        string path = Path.Combine(_dir, "x.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_every_field_and_item_kind()
    {
        var d = DefinitionParser.Load(File("""
            // comment
            {
              "name": "docker-x", "entrypoint": ["/usr/bin/supervisord"], "env": ["A=1"], "workdir": "/w",
              "labels": {"b": "2", "a": "1"}, "volumes": ["/v"],
              "layers": [
                { "name": "one", "comment": "c", "items": [
                  { "dir": "/tmp", "mode": "1777" },
                  { "file": "out/bin/swssbox", "to": "/usr/bin/swssbox", "mode": "0755" },
                  { "tree": "rootfs/x", "optional": true },
                  { "symlink": "/usr/bin/a", "target": "swssbox" },
                  { "tool-links": "/usr/bin", "target": "swssbox" },
                  { "elf": "/usr/bin/redis-server", "to": "/usr/bin/redis-server" },
                ] }
              ]
            }
            """));
        Assert.Equal(("docker-x", "latest"), (d.Name, d.Tag));
        Assert.Equal(["/usr/bin/supervisord"], d.Entrypoint!);
        Assert.Null(d.Cmd);
        Assert.Equal(["a", "b"], d.Labels.Keys);
        var items = d.Layers.Single().Items;
        Assert.Equal([ItemKind.Dir, ItemKind.File, ItemKind.Tree, ItemKind.Symlink, ItemKind.ToolLinks, ItemKind.Elf], items.Select(i => i.Kind));
        Assert.Equal(0b1_111_111_111, items[0].Mode);
        Assert.Equal(7, items[0].Line);
        Assert.Equal(9, items[2].Line);
        Assert.True(items[2].Optional);
        Assert.Equal("/", items[2].To);
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_its_line()
    {
        var e = Assert.Throws<ImageException>(() => DefinitionParser.Load(File("""
            {
              "name": "x",
              "layers": [ { "name": "l", "items": [
                { "fiel": "a", "to": "/a" }
              ] } ]
            }
            """)));
        Assert.Equal(4, e.Line);
        Assert.Contains("exactly one of", e.Detail);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var e = Assert.Throws<ImageException>(() => DefinitionParser.Load(File("{\n  \"name\": \"x\",\n  \"layers\": [ oops ]\n}\n")));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void A_relative_image_path_is_refused()
    {
        var e = Assert.Throws<ImageException>(() => DefinitionParser.Load(File("""{"name":"x","layers":[{"name":"l","items":[{"dir":"tmp"}]}]}""")));
        Assert.Contains("must be absolute", e.Detail);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
