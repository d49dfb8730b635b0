using System.Text.RegularExpressions;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Supervision;

/// <summary>PID-1 duties: reaping orphans, ordered shutdown, children's signal state, PID namespace.</summary>
public sealed class Pid1Tests
{
    [Fact]
    public void Hundred_double_forked_orphans_are_all_reaped()
    {
        using var sd = new SupervisordRun("""
            [program:forker]
            command=sh -c "for i in $(seq 100); do (sleep 0.3 &); done; exec sleep 100"
            """);
        Assert.True(sd.WaitForLog("reaped unknown pid", 10, count: 100), sd.Log);
        Thread.Sleep(300);
        Assert.Empty(Zombies(sd.Pid));
        Assert.Equal(100, Regex.Matches(sd.Log, @"reaped unknown pid \d+ \(exit status 0\)").Count);
    }

    [Fact]
    public void Sigterm_stops_groups_in_reverse_priority_and_exits_0()
    {
        string programs = string.Join("\n", new[] { 1, 2, 3 }.Select(n => $"""
            [program:p{n}]
            command=sh -c 'trap "echo stop-{n} >> {"{dir}"}/order; exit 0" TERM; while :; do sleep 0.05; done'
            priority={n}
            startsecs=0

            """));
        using var sd = new SupervisordRun(programs);
        Assert.True(sd.WaitForLog("success: p3 entered RUNNING", 5, 1), sd.Log);
        Assert.True(sd.WaitForLog("success: p1 entered RUNNING", 5, 1), sd.Log);
        sd.Signal("TERM");
        Assert.Equal(0, sd.WaitForExit(10));
        Assert.Equal("stop-3\nstop-2\nstop-1\n", File.ReadAllText(Path.Combine(sd.Dir, "order")));
        Assert.Contains("received SIGTERM indicating exit request", sd.Log);
        Assert.Contains("stopped: p1 (exit status 0)", sd.Log);
    }

    [Fact]
    public void Children_have_SIGPIPE_and_SIGXFSZ_ignored_an_empty_mask_and_their_own_process_group()
    {
        using var sd = new SupervisordRun("""
            [program:show]
            command=sh -c 'grep -E "^(SigIgn|SigBlk)" /proc/self/status; ps -o pid=,pgid= -p $$; exec sleep 100'
            stdout_logfile={dir}/show.log
            """);
        Assert.True(sd.WaitForLog("spawned: 'show'", 5), sd.Log);
        string path = Path.Combine(sd.Dir, "show.log");
        for (int i = 0; i < 100 && (!File.Exists(path) || File.ReadAllLines(path).Length < 3); i++) Thread.Sleep(20);
        var lines = File.ReadAllLines(path);
        Assert.Equal("SigBlk:\t0000000000000000", lines.First(l => l.StartsWith("SigBlk")));
        Assert.Equal("SigIgn:\t0000000001001000", lines.First(l => l.StartsWith("SigIgn")));
        var ids = lines.Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ids[0], ids[1]); // pid == pgid: setpgid(0, 0)
    }

    [Fact]
    public void Runs_as_pid_1_in_a_pid_namespace_reaps_orphans_and_exits_0_on_sigterm()
    {
        // The last program sends SIGTERM to PID 1 from inside the namespace, as SONiC's exit listener does.
        using var sd = new SupervisordRun("""
            [program:orphans]
            command=sh -c "for i in $(seq 20); do (sleep 0.2 &); done; exec sleep 100"
            priority=1

            [program:killer]
            command=sh -c "sleep 1.5; kill -TERM 1; exec sleep 100"
            priority=2
            """, wrapper: ["unshare", "--pid", "--fork", "--mount-proc"]);
        Assert.Equal(0, sd.WaitForExit(15));
        string log = sd.Log;
        Assert.Contains("supervisord started with pid 1", log);
        Assert.Equal(20, Regex.Matches(log, @"reaped unknown pid \d+").Count);
        Assert.Contains("received SIGTERM indicating exit request", log);
        Assert.Contains("stopped: killer (terminated by SIGTERM)", log);
        Assert.Contains("stopped: orphans (terminated by SIGTERM)", log);
        Assert.True(log.IndexOf("stopped: killer") < log.IndexOf("stopped: orphans"), log);
    }

    [Fact]
    public void As_pid_1_on_a_terminal_exit_statuses_are_still_ours()
    {
        // docker run -t gives PID 1 a tty; the .NET runtime's terminal handling must not start reaping our children.
        using var sd = new SupervisordRun("""
            [program:e]
            command=sh -c "sleep 1.2; exit 3"
            autorestart=false

            [program:k]
            command=sh -c "sleep 2; kill -TERM 1; exec sleep 100"
            """, wrapper: ["bash", "-c", "exec script -qec \"$*\" /dev/null", "_", "unshare", "--pid", "--fork", "--mount-proc"]);
        Assert.Equal(0, sd.WaitForExit(15));
        Assert.Contains("supervisord started with pid 1", sd.Log);
        Assert.Contains("exited: e (exit status 3; not expected)", sd.Log);
    }

    // Zombie children of pid (state Z in /proc/N/stat).
    private static List<int> Zombies(int parent)
    {
        var result = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (rest[0] == "Z" && int.Parse(rest[1]) == parent) result.Add(pid);
            }
            catch (IOException) { }
        }
        return result;
    }
}
