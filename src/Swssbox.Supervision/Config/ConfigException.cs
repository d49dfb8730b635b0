namespace Swssbox.Supervision.Config;

/// <summary>A configuration error: the file and line it was found at, and what is wrong.</summary>
public sealed class ConfigException(string file, int line, string detail)
    : Exception(line > 0 ? $"{file}:{line}: {detail}" : $"{file}: {detail}")
{
    /// <summary>The file holding the bad text.</summary>
    public string File { get; } = file;

    /// <summary>1-based line, or 0 when the error has no single line.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; } = detail;
}
