namespace Swssbox.Supervision.Config;

/// <summary>One option as written: its value (continuation lines joined by '\n'), file and line.</summary>
public sealed record IniValue(string Value, string File, int Line);

/// <summary>One section: options by lower-cased name, the file and line of its header.</summary>
public sealed class IniSection(string name, string file, int line)
{
    /// <summary>The text between the brackets.</summary>
    public string Name { get; } = name;
    /// <summary>Where the (last) header for this section was read.</summary>
    public string File { get; internal set; } = file;
    /// <summary>Header line.</summary>
    public int Line { get; internal set; } = line;
    /// <summary>Options; keys are lower-case as Python's optionxform makes them.</summary>
    public Dictionary<string, IniValue> Options { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Python 3's RawConfigParser as supervisor configures it (inline_comment_prefixes=(';','#'), strict=False):
/// '=' or ':' delimiters, case-insensitive keys, indented continuation lines, duplicate sections and keys merged
/// (last wins), full-line comments starting with ';' or '#', and an inline ';'/'#' after whitespace ending the
/// value — even inside quotes, as Python does.
/// </summary>
public sealed class IniFile
{
    /// <summary>Sections in first-seen order.</summary>
    public List<IniSection> Sections { get; } = new();

    /// <summary>The section called <paramref name="name"/>, or null.</summary>
    public IniSection? Find(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>Reads <paramref name="text"/> (from <paramref name="file"/>) into this set, merging duplicates.</summary>
    public void Read(string text, string file)
    {
        IniSection? current = null;
        string? option = null;
        List<string>? optionLines = null;
        int indentLevel = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            int commentStart = InlineCommentStart(line);
            string trimmed = line.Trim();
            if (trimmed.StartsWith(';') || trimmed.StartsWith('#'))
                commentStart = 0;
            string value = (commentStart >= 0 ? line[..commentStart] : line).Trim();
            if (value.Length == 0)
            {
                // empty_lines_in_values: a blank line (not a comment) inside a multi-line value is kept.
                if (commentStart < 0 && optionLines is not null)
                    optionLines.Add("");
                continue;
            }
            int indent = line.Length - line.TrimStart().Length;
            if (current is not null && optionLines is not null && indent > indentLevel)
            {
                optionLines.Add(value);
                Store(current, option!, optionLines);
                continue;
            }
            indentLevel = indent;
            int last = value.LastIndexOf(']');
            if (value.StartsWith('[') && last > 1)
            {
                string name = value[1..last];
                current = Find(name);
                if (current is null)
                {
                    current = new IniSection(name, file, lineNo);
                    Sections.Add(current);
                }
                option = null;
                optionLines = null;
                continue;
            }
            if (current is null)
                throw new ConfigException(file, lineNo, $"File contains no section headers: {Quote(line)}");
            int delim = value.IndexOfAny(['=', ':']);
            string key = delim < 0 ? "" : value[..delim].TrimEnd().ToLowerInvariant();
            if (key.Length == 0)
                throw new ConfigException(file, lineNo, $"Source contains parsing errors: {Quote(line)}");
            option = key;
            optionLines = [value[(delim + 1)..].Trim()];
            current.Options[key] = new IniValue(optionLines[0], file, lineNo);
        }
    }

    // configparser joins continuation lines with '\n' and strips trailing whitespace of the whole value.
    private static void Store(IniSection section, string option, List<string> lines)
    {
        var prev = section.Options[option];
        section.Options[option] = prev with { Value = string.Join('\n', lines).TrimEnd() };
    }

    // Python: an inline prefix counts only when preceded by whitespace.
    private static int InlineCommentStart(string line)
    {
        for (int i = 0; i < line.Length; i++)
            if ((line[i] == ';' || line[i] == '#') && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return i;
        return -1;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "\\'") + "'";
}
