namespace Swssbox.Image;

/// <summary>Why an image could not be built: the file (definition, host path) and, where known, the line.</summary>
public sealed class ImageException(string file, int line, string detail) : Exception(line > 0 ? $"{file}:{line}: {detail}" : $"{file}: {detail}")
{
    /// <summary>The file at fault.</summary>
    public string File { get; } = file;

    /// <summary>Its 1-based line, or 0 when the fault is not tied to a line.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong.</summary>
    public string Detail { get; } = detail;
}
