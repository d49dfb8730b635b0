namespace Swssbox.Templates;

/// <summary>What went wrong, named after the Python exception Jinja2 would raise (its class name is the contract).</summary>
public enum TemplateErrorKind
{
    /// <summary>jinja2.exceptions.TemplateSyntaxError</summary>
    Syntax,
    /// <summary>jinja2.exceptions.UndefinedError</summary>
    Undefined,
    /// <summary>jinja2.exceptions.TemplateNotFound</summary>
    NotFound,
    /// <summary>jinja2.exceptions.TemplateRuntimeError (e.g. a filter that does not exist at run time)</summary>
    Runtime,
    /// <summary>TypeError</summary>
    Type,
    /// <summary>ValueError</summary>
    Value,
    /// <summary>ZeroDivisionError</summary>
    ZeroDivision,
    /// <summary>KeyError / IndexError</summary>
    Lookup,
}

/// <summary>
/// A template error. The location (template, line, column) is added once, where the error leaves the statement
/// that caused it; <see cref="Message"/> is then "file:line:column: Kind: detail".
/// </summary>
public sealed class TemplateException : Exception
{
    /// <summary>An error without a location yet.</summary>
    public TemplateException(TemplateErrorKind kind, string detail) : base(detail)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>The kind (Python exception class).</summary>
    public TemplateErrorKind Kind { get; }

    /// <summary>The cause, as Jinja2/Python words it.</summary>
    public string Detail { get; }

    /// <summary>Template name, or null when not known.</summary>
    public string? TemplateName { get; private set; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; private set; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; private set; }

    /// <summary>Python's exception class name for <see cref="Kind"/>.</summary>
    public string PythonClass => Kind switch
    {
        TemplateErrorKind.Syntax => "jinja2.exceptions.TemplateSyntaxError",
        TemplateErrorKind.Undefined => "jinja2.exceptions.UndefinedError",
        TemplateErrorKind.NotFound => "jinja2.exceptions.TemplateNotFound",
        TemplateErrorKind.Runtime => "jinja2.exceptions.TemplateRuntimeError",
        TemplateErrorKind.Type => "TypeError",
        TemplateErrorKind.Value => "ValueError",
        TemplateErrorKind.ZeroDivision => "ZeroDivisionError",
        _ => "LookupError",
    };

    /// <summary>Sets the location if none is set yet (the innermost location wins).</summary>
    public TemplateException At(string? template, int line, int column)
    {
        if (Line == 0 && line > 0)
        {
            TemplateName = template;
            Line = line;
            Column = column;
        }
        return this;
    }

    /// <summary>Names the file the template was loaded from instead of its loader name.</summary>
    public TemplateException InFile(string path)
    {
        TemplateName = path;
        return this;
    }

    /// <inheritdoc />
    public override string Message =>
        Line > 0 ? $"{TemplateName ?? "<template>"}:{Line}:{Column}: {PythonClass}: {Detail}" : $"{PythonClass}: {Detail}";
}
