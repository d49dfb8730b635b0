using System.Globalization;
using System.Text;
using Swssbox.Native;

namespace Swssbox.Supervision.Processes;

/// <summary>Log levels of supervisor's main log, with its four-letter names.</summary>
public enum LogLevel { Blather = 3, Trace = 5, Debug = 10, Info = 20, Warn = 30, Error = 40, Critical = 50 }

/// <summary>
/// supervisord's main log: "%(asctime)s %(levelname)s %(message)s" lines (asctime "2026-12-04 16:20:44,123"), to the
/// logfile with rotation and, when nodaemon and not silent, to stdout — the lines scripts grep for. A write failure
/// (full disk) drops the line; it never stops PID 1.
/// </summary>
public sealed class MainLog : IDisposable
{
    private readonly string? _path;
    private readonly long _maxBytes;
    private readonly int _backups;
    private readonly bool _toStdout;
    private FileStream? _file;

    /// <summary>The minimum level written.</summary>
    public LogLevel Level { get; }

    /// <summary>Opens the log (append).</summary>
    public MainLog(string? path, long maxBytes, int backups, bool toStdout, LogLevel level)
    {
        _path = path; _maxBytes = maxBytes; _backups = backups; _toStdout = toStdout; Level = level;
        Reopen();
    }

    /// <summary>supervisor's loglevel names (critical, error, warn, info, debug, trace, blather).</summary>
    public static LogLevel ParseLevel(string s) => s switch
    {
        "critical" => LogLevel.Critical, "error" => LogLevel.Error, "warn" => LogLevel.Warn, "debug" => LogLevel.Debug,
        "trace" => LogLevel.Trace, "blather" => LogLevel.Blather, _ => LogLevel.Info,
    };

    /// <summary>Closes and reopens the file (SIGUSR2).</summary>
    public void Reopen()
    {
        _file?.Dispose();
        _file = null;
        if (_path is null)
            return;
        try { _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { WriteStdout($"CRIT cannot open log {_path}: {e.Message}\n"); }
    }

    /// <summary>The log file path, or null.</summary>
    public string? Path => _path;

    public void Critical(string m) => Write(LogLevel.Critical, m);
    public void Error(string m) => Write(LogLevel.Error, m);
    public void Warn(string m) => Write(LogLevel.Warn, m);
    public void Info(string m) => Write(LogLevel.Info, m);
    public void Debug(string m) => Write(LogLevel.Debug, m);

    /// <summary>Writes one line at <paramref name="level"/>.</summary>
    public void Write(LogLevel level, string message)
    {
        if (level < Level)
            return;
        var now = DateTime.Now;
        string line = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "," +
            now.Millisecond.ToString("000", CultureInfo.InvariantCulture) + " " + LevelName(level) + " " + message + "\n";
        byte[] bytes = Encoding.UTF8.GetBytes(line);
        if (_toStdout)
            Libc.WriteAll(1, bytes);
        if (_file is null)
            return;
        try
        {
            if (_maxBytes > 0 && _file.Length + bytes.Length > _maxBytes)
                Rotate();
            _file?.Write(bytes);
            _file?.Flush();
        }
        catch (IOException) { /* full disk: drop the line, keep running */ }
    }

    private void Rotate()
    {
        _file?.Dispose();
        _file = null;
        LogRotation.Rotate(_path!, _backups);
        Reopen();
    }

    private static void WriteStdout(string s) => Libc.WriteAll(1, Encoding.UTF8.GetBytes(s));

    private static string LevelName(LogLevel l) => l switch
    {
        LogLevel.Critical => "CRIT", LogLevel.Error => "ERRO", LogLevel.Warn => "WARN", LogLevel.Info => "INFO",
        LogLevel.Debug => "DEBG", LogLevel.Trace => "TRAC", _ => "BLAT",
    };

    /// <inheritdoc />
    public void Dispose() => _file?.Dispose();
}

/// <summary>Python RotatingFileHandler's renaming: f.N-1 → f.N … f → f.1; with 0 backups the file is truncated.</summary>
public static class LogRotation
{
    /// <summary>Rotates <paramref name="path"/> keeping <paramref name="backups"/> old files.</summary>
    public static void Rotate(string path, int backups)
    {
        try
        {
            if (backups <= 0)
            {
                File.WriteAllBytes(path, []);
                return;
            }
            for (int i = backups - 1; i >= 1; i--)
                if (File.Exists($"{path}.{i}"))
                    File.Move($"{path}.{i}", $"{path}.{i + 1}", true);
            if (File.Exists(path))
                File.Move(path, path + ".1", true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* keep logging into the old file */ }
    }
}
