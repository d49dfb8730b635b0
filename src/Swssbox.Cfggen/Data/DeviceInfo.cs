using Swssbox.Templates.Values;

namespace Swssbox.Cfggen.Data;

/// <summary>sonic_py_common.device_info as sonic-cfggen uses it: platform, system MAC, smart-switch flag.</summary>
public static class DeviceInfo
{
    /// <summary>/host/machine.conf, or SWSSBOX_MACHINE_CONF (tests).</summary>
    public static string MachineConfPath => Environment.GetEnvironmentVariable("SWSSBOX_MACHINE_CONF") is { Length: > 0 } p ? p : "/host/machine.conf";

    /// <summary>get_platform(): $PLATFORM, else machine.conf's onie_platform, else aboot_platform; null if none.</summary>
    public static string? Platform()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM") is { Length: > 0 } env)
            return env;
        if (!File.Exists(MachineConfPath))
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(MachineConfPath))
        {
            var tokens = line.Split('=', 2);
            if (tokens.Length < 2)
                continue;
            values[tokens[0]] = tokens[1].TrimEnd();
        }
        return values.GetValueOrDefault("onie_platform") ?? values.GetValueOrDefault("aboot_platform");
    }

    /// <summary>get_system_mac(): eth0's address; null when there is none.</summary>
    public static string? SystemMac()
    {
        const string path = "/sys/class/net/eth0/address";
        try
        {
            string mac = File.ReadAllText(path).Trim();
            return mac.Length > 0 ? mac : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>is_smartswitch(): platform.json of the platform has a non-empty "DPUS".</summary>
    public static bool IsSmartSwitch(string? platform)
    {
        if (platform is null)
            return false;
        string path = Path.Combine("/usr/share/sonic/device", platform, "platform.json");
        if (!File.Exists(path))
            return false;
        try
        {
            return JsonData.LoadFile(path) is PyDict d && d.TryGetValue("DPUS", out var dpus) && PyOps.Truthy(dpus);
        }
        catch (CfggenDataException)
        {
            return false;
        }
    }
}
