namespace Swssbox.Cfggen;

/// <summary>One -t argument: the template and where its output goes (null: stdout; "config-db": merged into the data).</summary>
public sealed record TemplateTarget(string Template, string? Destination);

/// <summary>sonic-cfggen's parsed command line (the argparse namespace).</summary>
public sealed class CfggenOptions
{
    public string? Hwsku { get; set; }
    public string? PortConfig { get; set; }
    public List<string> Json { get; } = [];
    public List<string> Yaml { get; } = [];
    public string? AdditionalData { get; set; }
    public bool FromDb { get; set; }
    public bool PlatformInfo { get; set; }
    public string? RedisSocket { get; set; }
    public List<TemplateTarget> Templates { get; } = [];
    public string? TemplateDir { get; set; }
    public string? Var { get; set; }
    public string? VarJson { get; set; }
    public string? Key { get; set; }
    public bool PrintData { get; set; }
    public bool WriteToDb { get; set; }
}
