using System.Text.RegularExpressions;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Supervision;

/// <summary>
/// The eventlistener protocol with listeners written to supervisor's documented protocol (raw stdin/stdout, no
/// supervisor library), and SONiC's exit-listener behaviour (SIGTERM to its parent on a critical exit).
/// </summary>
public sealed class EventListenerTests
{
    // Records every header and payload; answers OK. Written to the spec in supervisor's events documentation.
    internal const string RecordingListener = """
        import sys
        out = open(sys.argv[1], 'a')
        while True:
            sys.stdout.write('READY\n'); sys.stdout.flush()
            header = sys.stdin.readline()
            fields = dict(x.split(':', 1) for x in header.split())
            payload = sys.stdin.read(int(fields['len']))
            out.write(header + payload + '\n'); out.flush()
            sys.stdout.write('RESULT 2\nOK'); sys.stdout.flush()
        """;

    // SONiC's supervisor-proc-exit-listener in miniature: SIGTERM the parent when a critical process exits.
    private const string ExitListener = """
        import os, signal, sys
        while True:
            sys.stdout.write('READY\n'); sys.stdout.flush()
            fields = dict(x.split(':', 1) for x in sys.stdin.readline().split())
            payload = dict(x.split(':', 1) for x in sys.stdin.read(int(fields['len'])).split())
            if fields['eventname'] == 'PROCESS_STATE_EXITED' and payload['processname'] == 'critical' and payload['expected'] == '0':
                os.kill(os.getppid(), signal.SIGTERM)
            sys.stdout.write('RESULT 2\nOK'); sys.stdout.flush()
        """;

    internal static string Programs(string dir) => $"""
        [eventlistener:rec]
        command=/usr/bin/python3 -u {dir}/listener.py {dir}/events.txt
        events=PROCESS_STATE,TICK_5

        [program:crash]
        command=sh -c "sleep 1.3; exit 4"
        autorestart=false
        """;

    [Fact]
    public void A_listener_receives_process_state_events_with_supervisors_headers_and_payloads()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-ev-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "listener.py"), RecordingListener);
        using var sd = new SupervisordRun(Programs(dir), dir: dir);
        Assert.True(sd.WaitForLog("exited: crash (exit status 4; not expected)", 10), sd.Log);
        string path = Path.Combine(dir, "events.txt");
        for (int i = 0; i < 100 && !(File.Exists(path) && File.ReadAllText(path).Contains("PROCESS_STATE_EXITED")); i++) Thread.Sleep(50);
        string events = File.ReadAllText(path);
        var headers = Regex.Matches(events, @"^ver:3.0 server:supervisor serial:(\d+) pool:rec poolserial:(\d+) eventname:(\S+) len:(\d+)$", RegexOptions.Multiline);
        var names = headers.Select(m => m.Groups[3].Value).Where(n => !n.StartsWith("TICK")).ToList();
        Assert.Contains("PROCESS_STATE_STARTING", names);
        int crashPid = int.Parse(Regex.Match(sd.Log, @"spawned: 'crash' with pid (\d+)").Groups[1].Value);
        Assert.Contains($"processname:crash groupname:crash from_state:STOPPED tries:0", events);
        Assert.Contains($"processname:crash groupname:crash from_state:STARTING pid:{crashPid}", events);
        Assert.Contains($"processname:crash groupname:crash from_state:RUNNING expected:0 pid:{crashPid}", events);
        // serials count up from 0, one per accepted event, and len: is the payload's length
        Assert.Equal(Enumerable.Range(0, headers.Count).Select(i => i.ToString()), headers.Select(m => m.Groups[2].Value));
        foreach (Match m in headers)
        {
            int start = m.Index + m.Length + 1;
            int len = int.Parse(m.Groups[4].Value);
            Assert.Equal('\n', events[start + len]);
        }
    }

    [Fact]
    public void Sonic_exit_listener_sigterms_its_parent_and_supervisord_exits_0()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-ev-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "exit-listener.py"), ExitListener);
        using var sd = new SupervisordRun($"""
            [eventlistener:supervisor-proc-exit-listener]
            command=/usr/bin/python3 -u {dir}/exit-listener.py
            events=PROCESS_STATE_EXITED

            [program:critical]
            command=sh -c "sleep 1.5; exit 9"
            autorestart=false

            [program:other]
            command=sleep 100
            """, dir: dir);
        Assert.Equal(0, sd.WaitForExit(15));
        Assert.Contains("exited: critical (exit status 9; not expected)", sd.Log);
        Assert.Contains("received SIGTERM indicating exit request", sd.Log);
        Assert.Contains("stopped: other (terminated by SIGTERM)", sd.Log);
        Assert.Contains("stopped: supervisor-proc-exit-listener (terminated by SIGTERM)", sd.Log);
    }

    [Fact]
    public void Captured_stdout_between_xsupervisor_tokens_is_a_process_communication_event()
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-ev-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "listener.py"), RecordingListener);
        using var sd = new SupervisordRun($"""
            [eventlistener:rec]
            command=/usr/bin/python3 -u {dir}/listener.py {dir}/events.txt
            events=PROCESS_COMMUNICATION

            [program:beat]
            command=sh -c 'printf "before<!--XSUPERVISOR:BEGIN-->heart"; sleep 0.2; printf "beat<!--XSUPERVISOR:END-->after\n"; exec sleep 100'
            stdout_capture_maxbytes=1MB
            stdout_logfile={dir}/beat.log
            """, dir: dir);
        string path = Path.Combine(dir, "events.txt");
        for (int i = 0; i < 200 && !(File.Exists(path) && File.ReadAllText(path).Contains("heartbeat")); i++) Thread.Sleep(50);
        int pid = int.Parse(Regex.Match(sd.Log, @"spawned: 'beat' with pid (\d+)").Groups[1].Value);
        string expected = $"processname:beat groupname:beat pid:{pid}\nheartbeat";
        Assert.Contains($"eventname:PROCESS_COMMUNICATION_STDOUT len:{expected.Length}\n{expected}\n", File.ReadAllText(path));
        // captured text never reaches the log; "after" waits, as in supervisor, until more output decides it
        string log = File.ReadAllText(Path.Combine(dir, "beat.log"));
        Assert.StartsWith("before", log);
        Assert.DoesNotContain("heart", log);
    }
}
