using System.Net.Sockets;
using System.Text;
using Serilog.Events;
using Serilog.Parsing;
using Swssbox.Logging;

namespace Swssbox.Tests.Unit;

public sealed class SyslogTests
{
    [Fact]
    public void Formats_rfc3164_like_glibc_syslog()
    {
        var local = new DateTimeOffset(2026, 12, 4, 9, 5, 7, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 12, 4, 9, 5, 7)));
        byte[] bytes = SyslogFormatter.Format(SyslogFacility.Daemon, LogEventLevel.Warning, local, "swss#orchagent", 42, "hello");
        Assert.Equal("<28>Dec  4 09:05:07 swss#orchagent[42]: hello", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, 2)]
    [InlineData(LogEventLevel.Error, 3)]
    [InlineData(LogEventLevel.Warning, 4)]
    [InlineData(LogEventLevel.Information, 6)]
    [InlineData(LogEventLevel.Debug, 7)]
    [InlineData(LogEventLevel.Verbose, 7)]
    public void Maps_levels_to_severities(LogEventLevel level, int severity) => Assert.Equal(severity, SyslogFormatter.Severity(level));

    [Fact]
    public void Long_messages_are_cut_at_the_rsyslog_limit()
    {
        byte[] bytes = SyslogFormatter.Format(SyslogFacility.User, LogEventLevel.Information, DateTimeOffset.Now, "t", 1, new string('x', 5000));
        Assert.Equal(SyslogFormatter.MaxMessageBytes, bytes.Length);
    }

    [Fact]
    public void Sink_sends_one_datagram_per_event_to_a_real_socket()
    {
        string path = Path.Combine(Path.GetTempPath(), "swssbox-log-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            var fallback = new StringWriter();
            using var sink = new SyslogSink(path, "swss#portsyncd", SyslogFacility.User, 7, fallback);
            sink.Emit(Event(LogEventLevel.Error, "port {Port} missing", new LogEventProperty("Port", new ScalarValue("Ethernet0"))));
            var buffer = new byte[2048];
            listener.ReceiveTimeout = 2000;
            string got = Encoding.UTF8.GetString(buffer, 0, listener.Receive(buffer));
            Assert.Matches(@"^<11>\w{3} [ \d]\d \d\d:\d\d:\d\d swss#portsyncd\[7\]: port Ethernet0 missing$", got);
            Assert.Empty(fallback.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sink_falls_back_to_stderr_without_throwing_when_the_socket_is_missing()
    {
        var fallback = new StringWriter();
        using var sink = new SyslogSink("/nonexistent/dev/log", "swss#neighsyncd", SyslogFacility.User, 9, fallback);
        sink.Emit(Event(LogEventLevel.Warning, "no socket"));
        Assert.Equal("swss#neighsyncd[9]: WARNING: no socket" + Environment.NewLine, fallback.ToString());
    }

    [Fact]
    public void Level_names_parse_as_swssloglevel_spells_them()
    {
        Assert.True(Logging.Logging.TryParseLevel("NOTICE", out var n));
        Assert.Equal(LogEventLevel.Information, n);
        Assert.True(Logging.Logging.TryParseLevel("debug", out var d));
        Assert.Equal(LogEventLevel.Debug, d);
        Assert.False(Logging.Logging.TryParseLevel("loud", out _));
    }

    private static LogEvent Event(LogEventLevel level, string template, params LogEventProperty[] properties) =>
        new(DateTimeOffset.Now, level, null, new MessageTemplateParser().Parse(template), properties);
}
