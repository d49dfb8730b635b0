namespace Swssbox.Logging;

/// <summary>syslog facilities (RFC 3164 §4.1.1); the numeric value is the code.</summary>
public enum SyslogFacility
{
    Kern = 0, User = 1, Mail = 2, Daemon = 3, Auth = 4, Syslog = 5, Lpr = 6, News = 7,
    Uucp = 8, Cron = 9, AuthPriv = 10, Ftp = 11,
    Local0 = 16, Local1 = 17, Local2 = 18, Local3 = 19, Local4 = 20, Local5 = 21, Local6 = 22, Local7 = 23,
}
