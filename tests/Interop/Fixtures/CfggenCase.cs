using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop.Fixtures;

/// <summary>
/// One differential case: a sonic-cfggen command line run by both our binary and the Python oracle.
/// Templates under Templates/inputs name their command line in a first-line comment <c>{# cfggen: ARGS #}</c>
/// (default: <c>-j data/bfn64.config_db.json</c>); the template itself is added as <c>-t</c>.
/// </summary>
public sealed record CfggenCase(string Name, string[] Args)
{
    /// <summary>The folder holding oracle.py, data/ and inputs/.</summary>
    public static string Dir { get; } = Path.Combine(Repo.Root, "tests/Interop/Templates");

    /// <summary>The template cases (inputs/*.j2; inputs/lib holds what they include and import).</summary>
    public static IReadOnlyList<CfggenCase> Templates()
    {
        var cases = new List<CfggenCase>();
        foreach (var path in Directory.GetFiles(Path.Combine(Dir, "inputs"), "*.j2").OrderBy(p => p, StringComparer.Ordinal))
        {
            string first = File.ReadLines(path).FirstOrDefault() ?? "";
            string header = first.StartsWith("{# cfggen: ", StringComparison.Ordinal) && first.EndsWith(" #}", StringComparison.Ordinal)
                ? first["{# cfggen: ".Length..^" #}".Length]
                : "-j data/bfn64.config_db.json";
            var args = header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Absolute).ToList();
            if (!args.Contains("--var-json") && !args.Contains("-v"))
                args.AddRange(["-t", path]);
            cases.Add(new CfggenCase(Path.GetFileNameWithoutExtension(path), [.. args]));
        }
        return cases;
    }

    /// <summary>The -v cases of inputs/vars.txt ("t0: EXPR" uses the t0 data).</summary>
    public static IReadOnlyList<CfggenCase> Vars()
    {
        var cases = new List<CfggenCase>();
        int n = 0;
        foreach (var line in File.ReadLines(Path.Combine(Dir, "inputs/vars.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            string data = "bfn64", expr = line;
            if (line.StartsWith("t0: ", StringComparison.Ordinal))
            {
                data = "t0";
                expr = line[4..];
            }
            cases.Add(new CfggenCase($"var{++n:00}", ["-j", Absolute($"data/{data}.config_db.json"), "-v", expr]));
        }
        return cases;
    }

    /// <summary>data/… and inputs/… become absolute paths.</summary>
    public static string Absolute(string token) =>
        token.StartsWith("data/", StringComparison.Ordinal) || token.StartsWith("inputs/", StringComparison.Ordinal) ? Path.Combine(Dir, token) : token;

    /// <inheritdoc />
    public override string ToString() => Name;
}
