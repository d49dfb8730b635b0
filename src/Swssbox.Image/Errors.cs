namespace Swssbox.Image;

/// <summary>Every message of the image writer, composed in one place.</summary>
internal static class Errors
{
    public static ImageException Missing(string definition, int line, string source) =>
        new(definition, line, $"{source}: no such file or directory (named by the definition)");

    public static ImageException DanglingSymlink(string origin, string imagePath, string target) =>
        new(origin, 0, $"symlink {imagePath} -> {target} points at nothing in the image");

    public static ImageException EscapingSymlink(string origin, string imagePath, string target) =>
        new(origin, 0, $"symlink {imagePath} -> {target} escapes the image root");

    public static ImageException SymlinkLoop(string origin, string imagePath) =>
        new(origin, 0, $"symlink {imagePath} is part of a loop");

    public static ImageException Conflict(string origin, string imagePath, string other) =>
        new(origin, 0, $"{imagePath} is already defined in this layer by {other}");

    public static ImageException NotElf(string file, string why) => new(file, 0, $"not a usable ELF file: {why}");

    public static ImageException LibraryNotFound(string file, string library, IEnumerable<string> searched) =>
        new(file, 0, $"needs {library}, found in none of {string.Join(", ", searched)}");

    public static ImageException Unsupported(string file, string kind) => new(file, 0, $"cannot put a {kind} into an image");

    public static ImageException BadDefinition(string definition, int line, string detail) => new(definition, line, detail);
}
