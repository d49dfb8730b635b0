using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Supervision;

/// <summary>notify=true (READY=1 over $NOTIFY_SOCKET) and SONiC's dependent_startup ordering, built in.</summary>
public sealed class DependentStartupTests
{
    [Fact]
    public void Notify_program_is_running_on_ready_not_after_startsecs()
    {
        // socat is not assumed: python sends the sd_notify datagram (abstract address when it starts with '@').
        using var sd = new SupervisordRun("""
            [program:ready]
            command=/usr/bin/python3 -c "import os,socket,time; a=os.environ['NOTIFY_SOCKET']; a='\0'+a[1:] if a[0]=='@' else a; time.sleep(0.3); s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM); s.sendto(b'READY=1',a); time.sleep(100)"
            notify=true
            startsecs=30
            """);
        Assert.True(sd.WaitForLog("success: ready entered RUNNING state, process sent READY=1 (notify)", 10), sd.Log);
        var lines = sd.LogLines().ToList();
        var spawned = lines.First(l => l.Message.StartsWith("spawned: 'ready'")).Time;
        var running = lines.First(l => l.Message.StartsWith("success: ready")).Time;
        Assert.InRange((running - spawned).TotalSeconds, 0.25, 2.0);
    }

    [Fact]
    public void Dependent_startup_waits_for_running_and_exited_in_order()
    {
        using var sd = new SupervisordRun("""
            [program:first]
            command=sleep 100
            startsecs=1
            priority=1

            [program:second]
            command=sh -c "sleep 0.5; exit 0"
            autostart=false
            startsecs=0
            dependent_startup=true
            dependent_startup_wait_for=first:running

            [program:third]
            command=sleep 100
            autostart=false
            dependent_startup=true
            dependent_startup_wait_for=second:exited first:running
            """);
        Assert.True(sd.WaitForLog("spawned: 'third'", 10), sd.Log);
        var lines = sd.LogLines().ToList();
        DateTime At(string prefix) => lines.First(l => l.Message.StartsWith(prefix)).Time;
        Assert.True(At("spawned: 'second'") >= At("success: first entered RUNNING"));
        Assert.True(At("spawned: 'third'") >= At("exited: second (exit status 0; expected)"));
        Assert.InRange((At("spawned: 'third'") - At("exited: second")).TotalSeconds, 0, 0.1);
    }
}
