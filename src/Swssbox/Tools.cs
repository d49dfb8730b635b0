namespace Swssbox;

/// <summary>
/// Every tool of swssbox, in one explicit table (busybox appletlib style, no reflection). A tool's usage and
/// option handling live in Tools/&lt;Name&gt;.cs; the work itself is done by a library.
/// </summary>
public static class Tools
{
    /// <summary>All tools, sorted by name.</summary>
    public static IReadOnlyList<Tool> All { get; } = new[]
    {
        SonicCfggen.Tool,
        SwssStartSh.Tool,
        Rm.Tool,
        SonicDbCli.Tool,
        MkImage.Tool,
        SwssTable.Tool,
        ServiceCtl.Swss,
        ServiceCtl.Syncd,
        ServiceCtl.Database,
        PortSyncd.Tool,
        NeighSyncd.Tool,
        IntfSyncd.Tool,
        SwssConfig.Tool,
        EnableCounters.Tool,
        ProcExitListenerTool.Tool,
        Supervisord.Tool,
        Supervisorctl.Tool,
    }.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The tool called <paramref name="name"/>, or null.</summary>
    public static Tool? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
