namespace Swssbox;

/// <summary>One tool of the multi-call binary: its name, the SONiC piece it replaces, and its entry point.</summary>
/// <param name="Name">Invocation name (symlink name, or first argument of swssbox).</param>
/// <param name="Summary">One line for --list.</param>
/// <param name="Usage">Full usage text for --help (ends with a newline).</param>
/// <param name="Main">Entry point: arguments after the tool name; returns the exit code.</param>
public sealed record Tool(string Name, string Summary, string Usage, Func<ToolContext, string[], int> Main);
