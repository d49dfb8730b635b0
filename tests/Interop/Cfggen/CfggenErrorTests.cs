using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop.Cfggen;

/// <summary>
/// Failures of the static sonic-cfggen: one line on stderr naming file, line and cause; exit 1 (2 for usage);
/// and an output file is either complete or untouched, never partial.
/// </summary>
public sealed class CfggenErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swssbox-cfggen-").FullName;
    private static readonly string Data = Path.Combine(Repo.Root, "tests/Interop/Templates/data/bfn64.config_db.json");

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (RunResult Run, string Out) RenderToFile(string template, string source, bool preexisting = true)
    {
        string tmpl = Write(template, source);
        string output = Path.Combine(_dir, template + ".out");
        if (preexisting)
            File.WriteAllText(output, "previous content\n");
        var run = Run.Swssbox(["sonic-cfggen", "-j", Data, "-t", $"{tmpl},{output}"]);
        return (run, output);
    }

    private static void AssertOneLineError(RunResult run, params string[] parts)
    {
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "expected one line on stderr, got: " + run.Stderr);
        Assert.StartsWith("sonic-cfggen: ", lines[0]);
        foreach (var p in parts)
            Assert.Contains(p, lines[0]);
    }

    [Fact]
    public void Syntax_error_names_file_and_line_and_leaves_the_output_untouched()
    {
        var (run, output) = RenderToFile("syntax.j2", "ok\n{% for p in PORT %}\n{{ p }\n{% endfor %}\n");
        AssertOneLineError(run, Path.Combine(_dir, "syntax.j2") + ":3:", "TemplateSyntaxError", "unexpected '}'");
        Assert.Equal("previous content\n", File.ReadAllText(output));
    }

    [Fact]
    public void Unclosed_block_is_reported_with_what_was_expected()
    {
        var (run, output) = RenderToFile("unclosed.j2", "{% if PORT %}\nx\n", preexisting: false);
        AssertOneLineError(run, "unclosed.j2:", "TemplateSyntaxError", "'endif'");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Unknown_filter_fails_at_compile_time_even_in_a_loop_that_never_runs()
    {
        var (run, output) = RenderToFile("filter.j2", "a\n{% for p in [] %}{{ PORT | no_such_filter }}{% endfor %}\n");
        AssertOneLineError(run, "filter.j2:2:", "No filter named 'no_such_filter'");
        Assert.Equal("previous content\n", File.ReadAllText(output));
    }

    [Fact]
    public void Attribute_of_undefined_raises_with_location()
    {
        var (run, output) = RenderToFile("undef.j2", "line1\n{{ PORT.Ethernet0.speed }}\n{{ NOPE.attr }}\n", preexisting: false);
        AssertOneLineError(run, "undef.j2:3:", "UndefinedError", "'NOPE' is undefined");
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
    }

    [Fact]
    public void Type_error_in_a_filter_is_reported_as_python_would()
    {
        var (run, _) = RenderToFile("type.j2", "{{ [1, 'a'] | sort }}\n", preexisting: false);
        AssertOneLineError(run, "type.j2:1:", "TypeError", "not supported between instances of");
    }

    [Fact]
    public void Successful_render_replaces_the_output_file_whole()
    {
        var (run, output) = RenderToFile("good.j2", "{{ PORT | length }} ports\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("64 ports\n", File.ReadAllText(output));
    }

    [Fact]
    public void Bad_json_names_file_line_and_column()
    {
        string bad = Write("bad.json", "{\n  \"PORT\": {\n    \"Ethernet0\": {speed: 1}\n  }\n}\n");
        var run = Run.Swssbox(["sonic-cfggen", "-j", bad, "-v", "PORT"]);
        AssertOneLineError(run, bad + ": line 3 column", "invalid JSON");
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Missing_json_file_is_an_error()
    {
        var run = Run.Swssbox(["sonic-cfggen", "-j", Path.Combine(_dir, "none.json"), "-v", "PORT"]);
        AssertOneLineError(run, "none.json", "No such file or directory");
    }

    [Fact]
    public void Unreachable_redis_fails_fast_naming_the_endpoint_and_writes_nothing()
    {
        string socket = Path.Combine(_dir, "no-redis.sock");
        string config = Write("database_config.json", RedisServer.DatabaseConfigJson(socket, 1));
        string tmpl = Write("db.j2", "{{ PORT | length }}\n");
        string output = Path.Combine(_dir, "db.out");
        var run = Run.Swssbox(["sonic-cfggen", "-d", "-t", $"{tmpl},{output}"], env: new Dictionary<string, string> { ["SONIC_DB_CONFIG_FILE"] = config },
            timeout: TimeSpan.FromSeconds(20));
        AssertOneLineError(run, "unreachable", socket);
        Assert.False(File.Exists(output));
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"took {run.Elapsed}");
    }

    [Theory]
    [InlineData(new[] { "-t", "a.j2", "-v", "x" }, "argument -v/--var: not allowed with argument -t/--template")]
    [InlineData(new[] { "--print-data", "-w" }, "argument -w/--write-to-db: not allowed with argument --print-data")]
    [InlineData(new[] { "--no-such-option" }, "unrecognized arguments: --no-such-option")]
    [InlineData(new[] { "-t" }, "argument -t/--template: expected one argument")]
    public void Argument_errors_exit_2_with_usage(string[] args, string message)
    {
        var run = Run.Swssbox(["sonic-cfggen", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usage: sonic-cfggen", run.Stderr);
        Assert.Contains("sonic-cfggen: error: " + message, run.Stderr);
    }

    [Fact]
    public void Earlier_templates_are_written_when_a_later_one_fails()
    {
        string good = Write("first.j2", "first\n");
        string bad = Write("second.j2", "{{ NOPE.x }}\n");
        string out1 = Path.Combine(_dir, "first.out"), out2 = Path.Combine(_dir, "second.out");
        var run = Run.Swssbox(["sonic-cfggen", "-j", Data, "-t", $"{good},{out1}", "-t", $"{bad},{out2}"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("first\n", File.ReadAllText(out1));
        Assert.False(File.Exists(out2));
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_dir, true);
}
