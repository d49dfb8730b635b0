namespace Swssbox.Supervision.Config;

/// <summary>[unix_http_server].</summary>
public sealed record UnixServerConfig(string File, int Chmod, string? Username, string? Password);

/// <summary>Everything supervisord reads from its configuration.</summary>
public sealed record SupervisorConfig
{
    public required string ConfigFile { get; init; }
    public string? LogFile { get; init; }
    public bool LogToSyslog { get; init; }
    public long LogFileMaxBytes { get; init; } = 50 * 1024 * 1024;
    public int LogFileBackups { get; init; } = 10;
    public string LogLevel { get; init; } = "info";
    public string? PidFile { get; init; }
    public int Umask { get; init; } = 0x12; // 022
    public bool NoDaemon { get; init; }
    public bool Silent { get; init; }
    public string Identifier { get; init; } = "supervisor";
    public string? ChildLogDir { get; init; }
    public string? Directory { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public UnixServerConfig? UnixServer { get; init; }
    public string ServerUrl { get; init; } = "http://localhost:9001";
    public string? CtlUsername { get; init; }
    public string? CtlPassword { get; init; }
    public string CtlPrompt { get; init; } = "supervisor";
    public required IReadOnlyList<GroupConfig> Groups { get; init; }
    /// <summary>Non-fatal notes made while parsing (includes, deprecations), logged at startup as supervisor does.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Files read, in order (main first).</summary>
    public IReadOnlyList<string> IncludedFiles { get; init; } = [];
}
