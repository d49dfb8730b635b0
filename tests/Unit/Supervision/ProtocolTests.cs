using Swssbox.Supervision.Events;
using Swssbox.Supervision.Processes;
using Swssbox.Supervision.Rpc;

namespace Swssbox.Tests.Unit.Supervision;

/// <summary>Exact formats: XML-RPC as xmlrpclib writes it, uptime text, the eventlistener protocol parser.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public void Fault_response_is_xmlrpclib_shaped_and_round_trips()
    {
        string xml = XmlRpc.Fault(10, "BAD_NAME: a<b");
        Assert.Contains("<name>faultCode</name>\n<value><int>10</int></value>", xml);
        Assert.Contains("<value><string>BAD_NAME: a&lt;b</string></value>", xml);
        var e = Assert.Throws<FaultException>(() => XmlRpc.ParseResponse(xml));
        Assert.Equal(10, e.Code);
        Assert.Equal("BAD_NAME: a<b", e.Message);
    }

    [Fact]
    public void Calls_parse_with_nested_values_and_bare_strings()
    {
        string xml = "<?xml version='1.0'?>\n<methodCall>\n<methodName>system.multicall</methodName>\n<params>\n<param>\n<value><array><data>\n" +
            "<value><struct>\n<member>\n<name>methodName</name>\n<value>supervisor.startProcess</value>\n</member>\n" +
            "<member>\n<name>params</name>\n<value><array><data>\n<value><string>a</string></value>\n<value><boolean>0</boolean></value>\n</data></array></value>\n</member>\n" +
            "</struct></value>\n</data></array></value>\n</param>\n</params>\n</methodCall>\n";
        var (method, args) = XmlRpc.ParseCall(xml);
        Assert.Equal("system.multicall", method);
        var call = (Dictionary<string, object?>)((List<object?>)args[0]!)[0]!;
        Assert.Equal("supervisor.startProcess", call["methodName"]);
        Assert.Equal(new List<object?> { "a", false }, call["params"]);
    }

    [Fact]
    public void Response_round_trips_process_info_shapes()
    {
        var v = new List<object?> { new Dictionary<string, object?> { ["name"] = "a", ["pid"] = 42, ["ok"] = true, ["e"] = "" } };
        Assert.Equal(v, XmlRpc.ParseResponse(XmlRpc.Response(v)));
    }

    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(3725, "1:02:05")]
    [InlineData(86400 + 7384, "1 day, 2:03:04")]
    [InlineData(2 * 86400, "2 days, 0:00:00")]
    public void Uptime_is_pythons_timedelta_text(long seconds, string expected) => Assert.Equal(expected, RpcInterface.Uptime(seconds));

    [Fact]
    public void Listener_protocol_ready_result_ok_and_fail_rebuffers()
    {
        using var log = new MainLog(null, 0, 0, false, LogLevel.Critical);
        var state = new ListenerState();
        var rejected = new List<SupervisorEventRecord>();
        state.Feed("REA", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Acknowledged, state.State);
        state.Feed("DY\n", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Ready, state.State);
        var e = new SupervisorEventRecord("TICK_5", "when:5");
        state.Sent(e);
        state.Feed("RESULT 4\nFA", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Busy, state.State);
        state.Feed("ILREADY\n", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Ready, state.State);
        Assert.Same(e, Assert.Single(rejected));
        state.Sent(e);
        state.Feed("RESULT 2\nOK", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Acknowledged, state.State);
        state.Feed("garbage", log, "l", rejected.Add);
        Assert.Equal(ListenerProtocolState.Unknown, state.State);
    }

    [Fact]
    public void Event_subscriptions_cover_subtypes()
    {
        var e = new SupervisorEventRecord("PROCESS_STATE_RUNNING", "");
        Assert.True(e.Matches("EVENT"));
        Assert.True(e.Matches("PROCESS_STATE"));
        Assert.True(e.Matches("PROCESS_STATE_RUNNING"));
        Assert.False(e.Matches("PROCESS_STATE_EXITED"));
        Assert.False(new SupervisorEventRecord("TICK_60", "").Matches("PROCESS_STATE"));
    }
}
