using System.Text.RegularExpressions;
using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Interop;

/// <summary>The same listener under Python supervisord and ours receives the same headers and payloads (pids aside).</summary>
public sealed class EventListenerInteropTests
{
    private const string Listener = """
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

    private static string Record(bool python)
    {
        string dir = Path.Combine(Path.GetTempPath(), "swssbox-evi-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "listener.py"), Listener);
        using var sd = new SupervisordRun($"""
            [eventlistener:rec]
            command=/usr/bin/python3 -u {dir}/listener.py {dir}/events.txt
            events=PROCESS_STATE,SUPERVISOR_STATE_CHANGE,PROCESS_GROUP

            [program:bad]
            command=sh -c "sleep 1.5; exit 3"
            autorestart=false
            """, python: python, dir: dir);
        Assert.True(sd.WaitForLog("exited: bad (exit status 3; not expected)", 15), sd.Log);
        string path = Path.Combine(dir, "events.txt");
        for (int i = 0; i < 100 && !(File.Exists(path) && File.ReadAllText(path).Contains("PROCESS_STATE_EXITED")); i++) Thread.Sleep(50);
        return Regex.Replace(File.ReadAllText(path), @"pid:\d+", "pid:N");
    }

    [Fact]
    public void Listener_sees_the_same_event_stream_from_python_supervisord_and_ours()
    {
        string python = Record(python: true);
        string ours = Record(python: false);
        Assert.Contains("eventname:PROCESS_STATE_EXITED", python);
        Assert.Contains("eventname:PROCESS_GROUP_ADDED len:14\ngroupname:bad\n", python);
        Assert.Equal(python, ours);
    }
}
