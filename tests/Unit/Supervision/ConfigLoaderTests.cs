using Swssbox.Supervision.Config;

namespace Swssbox.Tests.Unit.Supervision;

/// <summary>supervisord.conf read as supervisor 4.2.5 reads it: comments, continuation, expansion, defaults, errors.</summary>
public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "swssbox-cfgu-" + Guid.NewGuid().ToString("N")[..8]);

    public ConfigLoaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private SupervisorConfig Load(string text, Dictionary<string, string>? env = null)
    {
        File.WriteAllText(Path.Combine(_dir, "s.conf"), text);
        return ConfigLoader.Load(Path.Combine(_dir, "s.conf"), env ?? new Dictionary<string, string>());
    }

    [Fact]
    public void Defaults_are_supervisors()
    {
        var p = Load("[program:x]\ncommand=/bin/true\n").Groups.Single().Processes.Single();
        Assert.Equal(999, p.Priority);
        Assert.True(p.AutoStart);
        Assert.Equal(AutoRestart.Unexpected, p.AutoRestart);
        Assert.Equal(1, p.StartSecs);
        Assert.Equal(3, p.StartRetries);
        Assert.Equal(new[] { 0 }, p.ExitCodes.ToArray());
        Assert.Equal(15, p.StopSignal);
        Assert.Equal(10, p.StopWaitSecs);
        Assert.True(p.Stdout.Auto);
        Assert.Equal(50L << 20, p.Stdout.MaxBytes);
    }

    [Fact]
    public void Inline_comment_after_whitespace_ends_the_value_even_inside_quotes()
    {
        var p = Load("[program:x]\ncommand=sh -c 'a ; b'\n; full comment\n# another\npriority = 5 # five\n").Groups.Single().Processes.Single();
        Assert.Equal("sh -c 'a", p.Command);
        Assert.Equal(5, p.Priority);
    }

    [Fact]
    public void Continuation_lines_keys_case_and_colon_delimiter()
    {
        var p = Load("[program:x]\nCOMMAND: sh -c\n   'echo hi'\nStartSecs=0\n").Groups.Single().Processes.Single();
        Assert.Equal("sh -c\n'echo hi'", p.Command);
        Assert.Equal(0, p.StartSecs);
    }

    [Fact]
    public void Expansions_env_here_program_name_process_num_and_percent()
    {
        var cfg = Load("[supervisord]\nenvironment=FROM_SD=\"sd,1\"\n[program:x]\ncommand=/bin/echo %(ENV_HOME)s %(here)s %(program_name)s %(process_num)02d 100%% %(ENV_FROM_SD)s %(ENV_OWN)s\nnumprocs=2\nprocess_name=%(program_name)s_%(process_num)d\nenvironment=OWN=own\n",
            new() { ["HOME"] = "/root" });
        var procs = cfg.Groups.Single().Processes;
        Assert.Equal(["x_0", "x_1"], procs.Select(p => p.Name));
        Assert.Equal($"/bin/echo /root {_dir} x 01 100% sd,1 own", procs[1].Command);
    }

    [Fact]
    public void Unknown_expansion_is_an_error_naming_file_line_and_option()
    {
        var e = Assert.Throws<ConfigException>(() => Load("[program:x]\n\ncommand=/bin/echo %(ENV_NOPE)s\n"));
        Assert.Equal(3, e.Line);
        Assert.StartsWith($"{_dir}/s.conf:3: [program:x] command: Format string '/bin/echo %(ENV_NOPE)s' for 'command' contains names ('ENV_NOPE') which cannot be expanded.", e.Message);
    }

    [Fact]
    public void Bad_values_name_their_line()
    {
        Assert.Equal(3, Assert.Throws<ConfigException>(() => Load("[program:x]\ncommand=a\nautostart=maybe\n")).Line);
        Assert.Equal(3, Assert.Throws<ConfigException>(() => Load("[program:x]\ncommand=a\nexitcodes=0,256\n")).Line);
        Assert.Equal(3, Assert.Throws<ConfigException>(() => Load("[program:x]\ncommand=a\nstopsignal=NOPE\n")).Line);
        Assert.Contains("no section headers", Assert.Throws<ConfigException>(() => Load("command=a\n")).Message);
    }

    [Fact]
    public void Include_globs_are_relative_to_the_main_file_sorted_and_sections_merge()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "d"));
        File.WriteAllText(Path.Combine(_dir, "d/b.conf"), "[program:x]\npriority=7\n");
        File.WriteAllText(Path.Combine(_dir, "d/a.conf"), "[program:x]\ncommand=/bin/a\npriority=6\n[program:y]\ncommand=/bin/y\n");
        var cfg = Load("[include]\nfiles = d/*.conf nomatch/*.conf\n");
        Assert.Equal(["x", "y"], cfg.Groups.Select(g => g.Name).Order());
        Assert.Equal(7, cfg.Groups.Single(g => g.Name == "x").Priority);
        Assert.Contains(cfg.Warnings, w => w.StartsWith("No file matches via include"));
    }

    [Fact]
    public void Groups_eventlisteners_and_sonic_dependent_startup()
    {
        var cfg = Load("""
            [program:a]
            command=/bin/a
            [program:b]
            command=/bin/b
            dependent_startup=true
            dependent_startup_wait_for=a:running c:exited
            [group:g]
            programs=a,b
            priority=5
            [eventlistener:l]
            command=/bin/l
            events=PROCESS_STATE,TICK_60
            """);
        var g = cfg.Groups.Single(x => x.Name == "g");
        Assert.Equal(5, g.Priority);
        Assert.Equal(2, g.Processes.Count);
        var b = g.Processes.Single(p => p.Name == "b");
        Assert.True(b.DependentStartup);
        Assert.Equal([new StartupDependency("a", "running"), new StartupDependency("c", "exited")], b.WaitFor);
        var l = cfg.Groups.Single(x => x.IsEventListenerPool);
        Assert.Equal(-1, l.Priority);
        Assert.Equal(["PROCESS_STATE", "TICK_60"], l.Processes[0].Events);
        Assert.Equal("l", cfg.Groups[0].Name); // sorted by priority
    }

    [Fact]
    public void Environment_pairs_with_quotes_keep_commas()
    {
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "x,y", ["C"] = "/p:q" }, Values.KeyValuePairs("A=1,B=\"x,y\",C=/p:q"));
        Assert.Throws<FormatException>(() => Values.KeyValuePairs("A=1,B"));
    }
}
