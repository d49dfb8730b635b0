using System.Text.Json;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop.Fixtures;

/// <summary>What the Python sonic-cfggen (oracle.py) printed for a case.</summary>
public sealed record OracleResult(int ExitCode, string Stdout, string Error);

/// <summary>
/// Runs every case through /usr/bin/python3 oracle.py once (batch mode: one interpreter, many command lines),
/// so the comparison costs one Python start-up, not one per case.
/// </summary>
public sealed class Oracle
{
    /// <summary>The Python that has python3-jinja2 and python3-netaddr (not a pyenv shim).</summary>
    public const string Python = "/usr/bin/python3";

    private readonly Dictionary<string, OracleResult> _results;

    /// <summary>Runs the template and -v cases through the oracle.</summary>
    public Oracle()
    {
        var cases = CfggenCase.Templates().Concat(CfggenCase.Vars()).ToList();
        string manifest = Path.Combine(Path.GetTempPath(), $"swssbox-oracle-{Guid.NewGuid():N}.json");
        File.WriteAllText(manifest, JsonSerializer.Serialize(cases.Select(c => new Dictionary<string, object> { ["name"] = c.Name, ["args"] = c.Args }).ToList(), OracleJson.Default.ListDictionaryStringObject));
        try
        {
            var run = Run.Process(Python, [Path.Combine(CfggenCase.Dir, "oracle.py"), "batch", manifest], timeout: TimeSpan.FromMinutes(2));
            if (run.ExitCode != 0)
                throw new InvalidOperationException("oracle.py failed: " + run.Stderr);
            _results = new Dictionary<string, OracleResult>();
            using var doc = JsonDocument.Parse(run.Stdout);
            foreach (var p in doc.RootElement.EnumerateObject())
                _results[p.Name] = new OracleResult(p.Value.GetProperty("rc").GetInt32(), p.Value.GetProperty("stdout").GetString()!, p.Value.GetProperty("error").GetString()!);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    /// <summary>The oracle's result for a case.</summary>
    public OracleResult this[string name] => _results[name];
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<Dictionary<string, object>>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class OracleJson : System.Text.Json.Serialization.JsonSerializerContext;
