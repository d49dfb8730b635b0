namespace Swssbox.Daemons;

/// <summary>A bad input file: which file, where, and why. The message reads "FILE:LINE: reason".</summary>
public sealed class ConfigFileException(string file, string position, string reason)
    : Exception($"{file}:{position}: {reason}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>Line, or line:column, or list position.</summary>
    public string Position { get; } = position;

    /// <summary>What is wrong.</summary>
    public string Reason { get; } = reason;
}
