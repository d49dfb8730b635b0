namespace Swssbox.Host;

/// <summary>
/// ONIE's /host/machine.conf as sonic-cfggen -H reads it (sonic_platform.get_machine_info): "key=value" lines,
/// the value stripped, the platform from onie_platform, else aboot_platform.
/// </summary>
public static class MachineConf
{
    /// <summary>All key/value pairs of <paramref name="path"/>.</summary>
    public static Dictionary<string, string> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostException($"{path}: {e.Message}");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            int eq = line.IndexOf('=');
            if (eq > 0)
                values[line[..eq]] = line[(eq + 1)..].Trim();
        }
        return values;
    }

    /// <summary>The platform string (DEVICE_METADATA.localhost.platform under -H).</summary>
    public static string Platform(string path)
    {
        var values = Read(path);
        if (values.TryGetValue("onie_platform", out var onie) && onie.Length > 0)
            return onie;
        if (values.TryGetValue("aboot_platform", out var aboot) && aboot.Length > 0)
            return aboot;
        throw new HostException($"{path}: neither onie_platform nor aboot_platform is set");
    }
}
