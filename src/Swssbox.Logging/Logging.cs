using Serilog;
using Serilog.Core;
using Serilog.Events;
using Swssbox.Native;

namespace Swssbox.Logging;

/// <summary>Creates each tool's logger: syslog through /dev/log with SONiC's "container#program" tag.</summary>
public static class Logging
{
    /// <summary>The local syslog socket.</summary>
    public const string DevLog = "/dev/log";

    /// <summary>
    /// SONiC's rsyslog splits the tag at '#': the container comes from CONTAINER_NAME (set by the host wrapper),
    /// the program is the tool's name. Outside a container the tag is just the program.
    /// </summary>
    public static string Tag(string program)
    {
        string? container = Environment.GetEnvironmentVariable("CONTAINER_NAME");
        return string.IsNullOrEmpty(container) ? program : container + "#" + program;
    }

    /// <summary>A logger for <paramref name="program"/> at <paramref name="level"/>; SWSSBOX_LOG_SOCKET overrides /dev/log.</summary>
    public static Logger Create(string program, LogEventLevel level, SyslogFacility facility = SyslogFacility.User)
    {
        string socket = Environment.GetEnvironmentVariable("SWSSBOX_LOG_SOCKET") is { Length: > 0 } path ? path : DevLog;
        var sink = new SyslogSink(socket, Tag(program), facility, Libc.GetPid(), Console.Error);
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Sink(sink)
            .CreateLogger();
    }

    /// <summary>Parses a level name as SONiC's swssloglevel spells them (or Serilog's names).</summary>
    public static bool TryParseLevel(string text, out LogEventLevel level)
    {
        switch (text.ToUpperInvariant())
        {
            case "EMERG" or "ALERT" or "CRIT" or "FATAL": level = LogEventLevel.Fatal; return true;
            case "ERR" or "ERROR": level = LogEventLevel.Error; return true;
            case "WARN" or "WARNING": level = LogEventLevel.Warning; return true;
            case "NOTICE" or "INFO" or "INFORMATION": level = LogEventLevel.Information; return true;
            case "DEBUG": level = LogEventLevel.Debug; return true;
            case "VERBOSE": level = LogEventLevel.Verbose; return true;
            default: level = LogEventLevel.Information; return false;
        }
    }
}
