using System.Globalization;
using System.Text;
using Serilog.Events;

namespace Swssbox.Logging;

/// <summary>
/// Builds one RFC 3164 datagram the way glibc's syslog() does: "&lt;PRI&gt;Mmm dd HH:mm:ss TAG[PID]: MSG",
/// no hostname (the local daemon adds it), day space-padded, invariant month names.
/// </summary>
public static class SyslogFormatter
{
    /// <summary>rsyslog's default maximum message size; longer messages are cut, not split.</summary>
    public const int MaxMessageBytes = 2048;

    /// <summary>RFC 3164 severity for a Serilog level.</summary>
    public static int Severity(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,       // crit
        LogEventLevel.Error => 3,       // err
        LogEventLevel.Warning => 4,     // warning
        LogEventLevel.Information => 6, // info
        _ => 7,                         // debug
    };

    /// <summary>The whole datagram, truncated to <see cref="MaxMessageBytes"/>.</summary>
    public static byte[] Format(SyslogFacility facility, LogEventLevel level, DateTimeOffset time, string tag, int pid, string message)
    {
        int pri = (int)facility * 8 + Severity(level);
        string stamp = time.ToLocalTime().ToString("MMM ", CultureInfo.InvariantCulture)
            + time.ToLocalTime().Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
            + time.ToLocalTime().ToString(" HH:mm:ss", CultureInfo.InvariantCulture);
        string text = $"<{pri}>{stamp} {tag}[{pid}]: {message}";
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length <= MaxMessageBytes ? bytes : bytes[..MaxMessageBytes];
    }
}
