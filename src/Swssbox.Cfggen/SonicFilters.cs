using System.Text;
using Swssbox.Cfggen.Net;
using Swssbox.Templates;
using Swssbox.Templates.Rendering;
using Swssbox.Templates.Values;

namespace Swssbox.Cfggen;

/// <summary>
/// The filters and globals sonic-cfggen adds to its Jinja2 environment (_get_jinja2_env), with netaddr 0.8.0's
/// results and SONiC's quirks (sort_by_port_index sorts in place and returns None; broadcast of a /31 is None).
/// </summary>
public static class SonicFilters
{
    /// <summary>Adds SONiC's filters, template_exists() and is_smartswitch to <paramref name="env"/>.</summary>
    public static void Register(TemplateEnvironment env, bool isSmartSwitch, TextWriter warnings)
    {
        var f = env.Filters;
        f["sort_by_port_index"] = (_, v, a, k) => SortByPortIndex(v);
        f["ipv4"] = (_, v, a, k) => IsVersion(v, 4);
        f["ipv6"] = (_, v, a, k) => IsVersion(v, 6);
        f["unique_name"] = (_, v, a, k) => UniqueName(v);
        f["pfx_filter"] = (_, v, a, k) => PfxFilter(v, warnings);
        f["ip_network"] = (_, v, a, k) => IpNetworkOf(v);
        f["get_primary_addr"] = (_, v, a, k) => GetPrimaryAddr(v, warnings);
        f["file_exists"] = (_, v, a, k) => v is string path && File.Exists(path);
        foreach (var attr in new[] { "ip", "network", "prefixlen", "netmask", "broadcast" })
            f[attr] = (_, v, a, k) => PrefixAttr(attr, v);
        f["b64encode"] = (_, v, a, k) => v is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : v;
        f["b64decode"] = (_, v, a, k) => B64Decode(v);
        env.Globals["template_exists"] = new PyFunction("template_exists", (a, k) => a.Count > 0 && env.Locate(PyRepr.Str(a[0])) is not null);
        env.Globals["is_smartswitch"] = isSmartSwitch;
    }

    private static IpNetwork? ParseValue(object? v) => PyOps.Truthy(v) ? IpNetwork.Parse(PyRepr.Str(v)) : null;

    /// <summary>is_ipv4 / is_ipv6: falsy or unparsable → False.</summary>
    public static bool IsVersion(object? v, int version) => ParseValue(v)?.Version == version;

    /// <summary>prefix_attr: str(getattr(IPNetwork(str(v)), attr)), None when falsy, unparsable or None.</summary>
    public static object? PrefixAttr(string attr, object? v) => ParseValue(v)?.Attribute(attr);

    private static object? SortByPortIndex(object? v)
    {
        if (!PyOps.Truthy(v) || v is not PyList list)
            return null;
        long Key(object? item)
        {
            string name = item as string ?? throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(item)}' object is not subscriptable");
            bool backplane = name.Contains("BP", StringComparison.Ordinal);
            string digits = name.Length > (backplane ? 11 : 8) ? name[(backplane ? 11 : 8)..] : "";
            if (!BuiltinFilters.TryParsePyInt(digits, 10, out long n))
                throw new TemplateException(TemplateErrorKind.Value, $"invalid literal for int() with base 10: {PyRepr.Repr(digits)}");
            return backplane ? n + 1024 : n;
        }
        var sorted = PyMethods.StableSort(list, (x, y) => Key(x).CompareTo(Key(y)), false);
        list.Clear();
        list.AddRange(sorted);
        return null;
    }

    private static object? UniqueName(object? v)
    {
        var names = new PyList();
        var result = new PyList();
        foreach (var item in PyOps.Iterate(v))
        {
            var name = Renderer.GetItem(item, "name");
            if (name is Undefined)
                throw new TemplateException(TemplateErrorKind.Lookup, "'name'");
            if (!PyOps.Contains(names, name))
            {
                names.Add(name);
                result.Add(item);
            }
        }
        return result;
    }

    /// <summary>pfx_filter: only (interface, prefix) tuple keys; a bare address gets /32 or /128.</summary>
    public static PyDict PfxFilter(object? v, TextWriter warnings)
    {
        var table = new PyDict { ReprName = "OrderedDict" };
        if (!PyOps.Truthy(v))
            return table;
        if (v is not PyDict d)
            throw new TemplateException(TemplateErrorKind.Type, $"'{PyOps.TypeName(v)}' object has no attribute 'items'");
        foreach (var kv in d.Items)
        {
            if (kv.Key is not PyTuple { Count: 2 } key)
                continue;
            string intf = PyRepr.Str(key.Items[0]);
            object? ip = key.Items[1];
            if (intf.Length == 0 || Encoding.UTF8.GetByteCount(intf) >= 16 || IpNetwork.Parse(PyRepr.Str(ip)) is null)
            {
                warnings.WriteLine("pfx_filter: skipping invalid interface table key");
                continue;
            }
            string address = PyRepr.Str(ip);
            if (!address.Contains('/'))
            {
                string suffix = IsVersion(address, 4) ? "/32" : IsVersion(address, 6) ? "/128"
                    : throw new TemplateException(TemplateErrorKind.Value, $"'{address}' is invalid ip address");
                table[new PyTuple([key.Items[0], address + suffix])] = kv.Value;
            }
            else
            {
                table[key] = kv.Value;
            }
        }
        return table;
    }

    private static object? IpNetworkOf(object? v)
    {
        var net = v is string s ? IpNetwork.Parse(s) : null;
        return net is null ? $"Invalid ip address {PyRepr.Str(v)}" : net.Attribute("network");
    }

    /// <summary>get_primary_addr: for interfaces with secondary addresses, (name, first host of the primary prefix).</summary>
    private static object? GetPrimaryAddr(object? v, TextWriter warnings)
    {
        if (!PyOps.Truthy(v))
            return "";
        var table = PfxFilter(v, warnings);
        var withSecondary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kv in table.Items)
        {
            if (kv.Value is PyDict val && val.ContainsKey("secondary"))
                withSecondary.Add(PyRepr.Str(((PyTuple)kv.Key!).Items[0]));
        }
        var result = new PyDict { ReprName = "OrderedDict" };
        foreach (var kv in table.Items)
        {
            var key = (PyTuple)kv.Key!;
            string name = PyRepr.Str(key.Items[0]);
            bool secondary = kv.Value is PyDict val && val.ContainsKey("secondary");
            if (withSecondary.Contains(name) && !secondary && IpNetwork.Parse(PyRepr.Str(key.Items[1])) is { } net)
            {
                var first = IpNetwork.Parse(net.Attribute("network") + "/" + net.PrefixLength)!;
                string host = net.Version == 4 ? first.Format(first.Value + 1) : IpNetwork.FormatV6(first.Value + 1);
                result[new PyTuple([key.Items[0], host])] = new PyDict();
                withSecondary.Remove(name);
            }
        }
        return result;
    }

    private static object? B64Decode(object? v)
    {
        if (v is not string s)
            return v;
        var clean = new string(s.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=').ToArray());
        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(clean));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return v;
        }
    }
}
