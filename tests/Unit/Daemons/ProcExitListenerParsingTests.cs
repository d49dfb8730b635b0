using Swssbox.Daemons;
using Swssbox.Daemons.ProcExitListener;

namespace Swssbox.Tests.Unit.Daemons;

public sealed class ProcExitListenerParsingTests
{
    [Fact]
    public void Critical_file_takes_program_and_group_lines_and_bare_201811_names()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "program:orchagent\n\n  group:mgrs \nportsyncd\n");
            var list = CriticalProcesses.Load(file);
            Assert.True(list.Contains("orchagent", "orchagent"));
            Assert.True(list.Contains("vlanmgrd", "mgrs"));
            Assert.True(list.Contains("portsyncd", "portsyncd"));
            Assert.False(list.Contains("rsyslogd", "rsyslogd"));

            File.WriteAllText(file, "program:orchagent\nservice:x\n");
            var e = Assert.Throws<ConfigFileException>(() => CriticalProcesses.Load(file));
            Assert.StartsWith(file + ":2: Syntax of the line service:x", e.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Supervisor_headers_and_payload_tokens_parse_as_childutils_does()
    {
        var headers = SupervisorEvent.Tokens("ver:3.0 server:supervisor serial:21 pool:listener poolserial:10 eventname:PROCESS_STATE_EXITED len:71");
        Assert.Equal(71, SupervisorEvent.Length(headers));
        var e = new SupervisorEvent(headers, SupervisorEvent.PayloadTokens("processname:orchagent groupname:orchagent from_state:RUNNING expected:0 pid:2766"));
        Assert.Equal(("PROCESS_STATE_EXITED", "orchagent", "0"), (e.Name, e["processname"], e["expected"]));
        Assert.Equal(-1, SupervisorEvent.Length(SupervisorEvent.Tokens("ver:3.0 eventname:TICK_5")));
    }
}
