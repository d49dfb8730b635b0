using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Supervision;

/// <summary>supervisor's state machine with real processes: BACKOFF timing, FATAL, EXITED and autorestart.</summary>
public sealed class ProcessStateTests
{
    [Fact]
    public void Early_exits_back_off_1_2_3_seconds_then_FATAL()
    {
        using var sd = new SupervisordRun("""
            [program:bad]
            command=sh -c "exit 3"
            startretries=3
            """);
        Assert.True(sd.WaitForLog("gave up: bad entered FATAL state, too many start retries too quickly", 15), sd.Log);
        var spawns = sd.LogLines().Where(l => l.Message.StartsWith("spawned: 'bad'")).Select(l => l.Time).ToList();
        Assert.Equal(4, spawns.Count); // startretries=3: 4 attempts
        for (int i = 1; i < 4; i++)
        {
            double gap = (spawns[i] - spawns[i - 1]).TotalSeconds;
            Assert.InRange(gap, i - 0.05, i + 0.4);
        }
        Assert.Equal(4, SupervisordRun.Count(sd.Log, "exited: bad (exit status 3; not expected)"));
    }

    [Fact]
    public void Backoff_retries_even_with_autorestart_false_and_startretries_0_is_fatal_at_once()
    {
        using var sd = new SupervisordRun("""
            [program:once]
            command=sh -c "exit 0"
            autorestart=false
            startretries=0
            """);
        Assert.True(sd.WaitForLog("gave up: once entered FATAL state", 5), sd.Log);
        Assert.Equal(1, SupervisordRun.Count(sd.Log, "spawned: 'once'"));
    }

    [Fact]
    public void Running_only_after_startsecs_then_exited_expected_or_restarted_when_unexpected()
    {
        using var sd = new SupervisordRun("""
            [program:expected]
            command=sh -c "sleep 1.3; exit 2"
            exitcodes=0,2
            startsecs=1

            [program:unexpected]
            command=sh -c "sleep 1.3; exit 3"
            exitcodes=0,2
            startsecs=1

            [program:always]
            command=sh -c "sleep 1.3; exit 0"
            autorestart=true
            """);
        Assert.True(sd.WaitForLog("spawned: 'unexpected'", 10, count: 2), sd.Log);
        Assert.True(sd.WaitForLog("spawned: 'always'", 10, count: 2), sd.Log);
        Thread.Sleep(300);
        string log = sd.Log;
        Assert.Contains("success: expected entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)", log);
        Assert.Contains("exited: expected (exit status 2; expected)", log);
        Assert.Contains("exited: unexpected (exit status 3; not expected)", log);
        Assert.Equal(1, SupervisordRun.Count(log, "spawned: 'expected'"));
        var lines = sd.LogLines().ToList();
        var spawn = lines.First(l => l.Message.StartsWith("spawned: 'expected'")).Time;
        var running = lines.First(l => l.Message.StartsWith("success: expected")).Time;
        // startsecs counts from just before the spawn; the "spawned" line is written just after it
        Assert.InRange((running - spawn).TotalSeconds, 0.98, 1.3);
    }

    [Fact]
    public void Missing_command_is_a_spawn_error_and_goes_fatal()
    {
        using var sd = new SupervisordRun("""
            [program:missing]
            command=/nonexistent/binary
            startretries=1
            """);
        Assert.True(sd.WaitForLog("gave up: missing entered FATAL state", 6), sd.Log);
        Assert.Contains("spawnerr: can't find command '/nonexistent/binary'", sd.Log);
    }
}
