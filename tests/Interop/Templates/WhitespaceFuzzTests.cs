using System.Text;
using System.Text.Json;
using Swssbox.Tests.Integration.Fixtures;
using Swssbox.Tests.Interop.Fixtures;

namespace Swssbox.Tests.Interop.Templates;

/// <summary>
/// Whitespace control is where Jinja2 ports usually drift: 300 generated templates (fixed seed) mixing every
/// marker with spaces, tabs, LF, CRLF and CR, rendered by our sonic-cfggen and by Python Jinja2, byte for byte.
/// </summary>
public sealed class WhitespaceFuzzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-wsfuzz-").FullName;

    [Fact]
    public void Generated_whitespace_templates_render_identically()
    {
        var gen = Run.Process(Oracle.Python, [Path.Combine(CfggenCase.Dir, "whitespace_cases.py"), _dir, "300", "20261204"]);
        Assert.True(gen.ExitCode == 0, gen.Stderr);
        var files = Directory.GetFiles(_dir, "*.j2").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(300, files.Count);

        string manifest = Path.Combine(_dir, "manifest.json");
        using (var stream = File.Create(manifest))
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("name", Path.GetFileName(f));
                w.WriteStartArray("args");
                foreach (var a in new[] { "-a", "{}", "-t", f })
                    w.WriteStringValue(a);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        var oracle = Run.Process(Oracle.Python, [Path.Combine(CfggenCase.Dir, "oracle.py"), "batch", manifest]);
        Assert.True(oracle.ExitCode == 0, oracle.Stderr);
        using var results = JsonDocument.Parse(oracle.Stdout);

        var failures = new StringBuilder();
        foreach (var f in files)
        {
            var expected = results.RootElement.GetProperty(Path.GetFileName(f));
            var ours = Run.Swssbox(["sonic-cfggen", "-a", "{}", "-t", f]);
            if (ours.ExitCode != expected.GetProperty("rc").GetInt32() || ours.Stdout != expected.GetProperty("stdout").GetString())
                failures.AppendLine($"{Path.GetFileName(f)}: ours {JsonSerializer.Serialize(ours.Stdout, OracleJson.Default.String)} python {expected.GetProperty("stdout").GetRawText()}");
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_dir, true);
}
