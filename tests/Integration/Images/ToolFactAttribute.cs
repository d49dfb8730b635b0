using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Images;

/// <summary>
/// A fact that runs once the published binary has the named tool (e.g. supervisord, written in parallel), and is
/// reported as skipped, with the reason, until then.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        try
        {
            var list = Run.Swssbox(["--list"]).Stdout.Split('\n').Select(l => l.Split(' ')[0]);
            if (!list.Contains(tool))
                Skip = $"the binary has no '{tool}' tool yet";
        }
        catch (FileNotFoundException e)
        {
            Skip = e.Message;
        }
    }
}
