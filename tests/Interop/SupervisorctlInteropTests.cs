using System.Text.RegularExpressions;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop;

/// <summary>
/// The same config under Python supervisord and ours; the same supervisorctl commands from Python's supervisorctl
/// and ours: every output byte (pids, uptimes and clock times normalised) and every exit code must agree.
/// </summary>
public sealed class SupervisorctlInteropTests
{
    private const string Programs = """
        [program:a]
        command=sleep 100

        [program:b]
        command=sh -c "echo hello; exec sleep 100"
        autostart=false
        stdout_logfile={dir}/b.log

        [group:grp]
        programs=b

        [program:bad]
        command=/nonexistent/binary
        autostart=false

        [program:quick]
        command=sh -c "exit 3"
        startretries=0

        [program:done]
        command=sh -c "exit 0"
        startsecs=0
        autorestart=false

        [program:a_program_with_a_rather_long_name]
        command=sleep 100
        """;

    private static readonly string[][] Commands =
    [
        ["status"], ["status", "a", "nope", "grp:*"], ["status", "nosuchgroup:*"], ["start", "grp:b"], ["start", "bad"],
        ["start", "a"], ["start", "nope"], ["start"], ["pid", "nope"], ["tail", "grp:b"], ["tail", "a"], ["stop", "grp:*"],
        ["stop", "a"], ["stop", "a"], ["status"], ["avail"], ["signal", "HUP", "nope"], ["signal", "USR1", "a"],
        ["restart", "a_program_with_a_rather_long_name"], ["reread"], ["status", "a_program_with_a_rather_long_name"],
        ["bogus"],
    ];

    private static bool PythonSupervisorInstalled => File.Exists("/usr/bin/supervisorctl") && File.Exists("/usr/bin/supervisord");

    private static string Normalise(string s)
    {
        s = Regex.Replace(s, @"pid \d+, uptime \d+:\d\d:\d\d", "pid N, uptime T");
        s = Regex.Replace(s, @"[A-Z][a-z]{2} \d\d \d\d:\d\d [AP]M", "DATE");
        return s;
    }

    private static List<string> RunAll(SupervisordRun sd, bool ours)
    {
        var results = new List<string>();
        foreach (var cmd in Commands)
        {
            var r = ours
                ? Run.Swssbox(["supervisorctl", "-c", sd.ConfigFile, .. cmd], timeout: TimeSpan.FromSeconds(20))
                : Run.Process("/usr/bin/supervisorctl", ["-c", sd.ConfigFile, .. cmd], timeout: TimeSpan.FromSeconds(20));
            results.Add($"$ supervisorctl {string.Join(' ', cmd)}\n{Normalise(r.Stdout)}rc={r.ExitCode}\n");
        }
        return results;
    }

    private static void Settle(SupervisordRun sd)
    {
        Assert.True(sd.WaitForLog("success: a entered RUNNING", 15), sd.Log);
        Assert.True(sd.WaitForLog("success: a_program_with_a_rather_long_name entered RUNNING", 15), sd.Log);
        Assert.True(sd.WaitForLog("gave up: quick entered FATAL", 15), sd.Log);
        Assert.True(sd.WaitForLog("exited: done (exit status 0; expected)", 15), sd.Log);
    }

    [Fact]
    public void Python_and_our_supervisorctl_answer_the_same_against_python_and_our_supervisord()
    {
        if (!PythonSupervisorInstalled)
            Assert.Fail("the Debian 'supervisor' package (the oracle) is not installed: ./build.sh deps installs it");
        List<string> pyPy, pyOurs, oursOurs;
        using (var py = new SupervisordRun(Programs, python: true))
        {
            Settle(py);
            pyPy = RunAll(py, ours: false);
        }
        using (var ours = new SupervisordRun(Programs))
        {
            Settle(ours);
            pyOurs = RunAll(ours, ours: false);
        }
        using (var ours = new SupervisordRun(Programs))
        {
            Settle(ours);
            oursOurs = RunAll(ours, ours: true);
        }
        Assert.Equal(string.Join("", pyPy), string.Join("", pyOurs));
        Assert.Equal(string.Join("", pyPy), string.Join("", oursOurs));
    }

    [Fact]
    public void Status_exit_code_4_and_message_when_supervisord_is_not_running()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-ctl-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "s.conf"), SupervisordRun.Header(dir));
            foreach (var cmd in new[] { "status", "start" })
            {
                var py = Run.Process("/usr/bin/supervisorctl", ["-c", Path.Combine(dir, "s.conf"), cmd, "x"]);
                var ours = Run.Swssbox(["supervisorctl", "-c", Path.Combine(dir, "s.conf"), cmd, "x"]);
                Assert.Equal(py.Stdout, ours.Stdout);
                Assert.Equal(py.ExitCode, ours.ExitCode);
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
