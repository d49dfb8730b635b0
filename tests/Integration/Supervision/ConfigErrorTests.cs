using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Supervision;

/// <summary>Bad configuration: one line naming file, line and option; exit 2 before anything starts.</summary>
public sealed class ConfigErrorTests
{
    [Fact]
    public void A_bad_value_in_an_included_file_names_that_file_and_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-cfg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(dir, "conf.d"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "s.conf"), $"[supervisord]\nlogfile={dir}/sd.log\npidfile={dir}/sd.pid\n[include]\nfiles = conf.d/*.conf\n");
            File.WriteAllText(Path.Combine(dir, "conf.d/a.conf"), "[program:a]\ncommand=sleep 1 ; comment\nstartsecs = abc\n");
            var r = Run.Swssbox(["supervisord", "-c", Path.Combine(dir, "s.conf"), "-n"], timeout: TimeSpan.FromSeconds(10));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"supervisord: {dir}/conf.d/a.conf:3: [program:a] startsecs: invalid literal for int() with base 10: 'abc'\n", r.Stderr);
            Assert.False(File.Exists(Path.Combine(dir, "sd.pid")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_missing_command_names_the_section_header_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-cfg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "s.conf"), $"[supervisord]\nlogfile={dir}/sd.log\n\n[program:nocmd]\npriority=3\n");
            var r = Run.Swssbox(["supervisord", "-c", Path.Combine(dir, "s.conf")], timeout: TimeSpan.FromSeconds(10));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"supervisord: {dir}/s.conf:4: program section program:nocmd does not specify a command\n", r.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }
}
