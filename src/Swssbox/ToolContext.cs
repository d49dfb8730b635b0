using Serilog.Core;
using Serilog.Events;
using Swssbox.Logging;

namespace Swssbox;

/// <summary>
/// What a tool gets besides its arguments: its name and the standard streams. The streams are plain file
/// streams, not System.Console: Console on a terminal makes the runtime install a SIGCHLD handler that reaps
/// every child, which the supervisor must never have.
/// </summary>
public sealed class ToolContext(string name, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The tool's name as invoked.</summary>
    public string Name { get; } = name;

    /// <summary>Standard output (auto-flushed at exit).</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error (auto-flushed).</summary>
    public TextWriter Err { get; } = stderr;

    /// <summary>
    /// The tool's logger (syslog, stderr fallback). Level from SWSSBOX_LOG_LEVEL_&lt;TOOL&gt; (tool name upper-cased,
    /// '-' and '.' as '_'), else SWSSBOX_LOG_LEVEL, else <paramref name="fallback"/>.
    /// </summary>
    public Logger CreateLogger(LogEventLevel fallback = LogEventLevel.Information)
    {
        string specific = "SWSSBOX_LOG_LEVEL_" + Name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
        string? text = Environment.GetEnvironmentVariable(specific) ?? Environment.GetEnvironmentVariable("SWSSBOX_LOG_LEVEL");
        var level = text is not null && Logging.Logging.TryParseLevel(text, out var parsed) ? parsed : fallback;
        return Logging.Logging.Create(Name, level);
    }

    /// <summary>Prints "NAME: message" on stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(string message, int exitCode = 1)
    {
        Err.WriteLine($"{Name}: {message}");
        return exitCode;
    }

    /// <summary>Prints a usage error as argparse does (usage, then "NAME: error: …") and returns 2.</summary>
    public int UsageError(string usage, string message)
    {
        Err.Write(usage);
        Err.WriteLine($"{Name}: error: {message}");
        return 2;
    }
}
