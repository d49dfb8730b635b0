using Swssbox.Supervision.Config;
using Swssbox.Supervision.Processes;

namespace Swssbox.Supervision.Rpc;

/// <summary>
/// supervisor's XML-RPC namespace (rpcinterface.py SupervisorNamespaceRPCInterface) and system.* methods, on the
/// loop's thread. Results are values, <see cref="Deferred"/> (waits), or <see cref="RpcFault"/>s.
/// </summary>
public sealed partial class RpcInterface
{
    private readonly Supervisor supervisor;

    /// <summary>Serves <paramref name="host"/>.</summary>
    public RpcInterface(Supervisor host) => supervisor = host;

    /// <summary>The API version supervisorctl checks before every command.</summary>
    public const string ApiVersion = "3.0";
    /// <summary>The supervisor version we answer as.</summary>
    public const string SupervisorVersion = "4.2.5";

    private SupervisorConfig? _pendingConfig;

    /// <summary>Calls <paramref name="method"/>.</summary>
    public object? Call(string method, List<object?> args)
    {
        switch (method)
        {
            case "system.multicall": return Multicall(args);
            case "system.listMethods": return Methods.Keys.Concat(["system.listMethods", "system.methodHelp", "system.methodSignature", "system.multicall"]).Order(StringComparer.Ordinal).Cast<object?>().ToList();
            case "system.methodHelp": return "";
            case "system.methodSignature": return new List<object?> { new List<object?> { "undef" } };
        }
        if (!Methods.TryGetValue(method, out var m))
            throw new RpcFault(FaultCode.UnknownMethod);
        if (method != "supervisor.getAPIVersion" && method != "supervisor.getVersion" && method != "supervisor.getSupervisorVersion"
            && method != "supervisor.getIdentification" && method != "supervisor.getState" && method != "supervisor.getPID"
            && supervisor.Mood < SupervisorState.Running)
            throw new RpcFault(FaultCode.ShutdownState);
        try
        {
            return m(this, args);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidCastException or IndexOutOfRangeException)
        {
            throw new RpcFault(FaultCode.IncorrectParameters);
        }
    }

    private static readonly Dictionary<string, Func<RpcInterface, List<object?>, object?>> Methods = new()
    {
        ["supervisor.getAPIVersion"] = (_, _) => ApiVersion,
        ["supervisor.getVersion"] = (_, _) => ApiVersion,
        ["supervisor.getSupervisorVersion"] = (_, _) => SupervisorVersion,
        ["supervisor.getIdentification"] = (r, _) => r.supervisor.Config.Identifier,
        ["supervisor.getState"] = (r, _) => new Dictionary<string, object?> { ["statecode"] = (int)r.supervisor.Mood, ["statename"] = r.supervisor.Mood.Name() },
        ["supervisor.getPID"] = (_, _) => Environment.ProcessId,
        ["supervisor.readLog"] = (r, a) => r.supervisor.Log.Path is { } p && File.Exists(p) ? LogFiles.Read(p, Int(a, 0), Int(a, 1)) : throw new RpcFault(FaultCode.NoFile, r.supervisor.Log.Path),
        ["supervisor.readMainLog"] = (r, a) => r.supervisor.Log.Path is { } p && File.Exists(p) ? LogFiles.Read(p, Int(a, 0), Int(a, 1)) : throw new RpcFault(FaultCode.NoFile, r.supervisor.Log.Path),
        ["supervisor.clearLog"] = (r, _) => { if (r.supervisor.Log.Path is { } p) File.WriteAllBytes(p, []); else throw new RpcFault(FaultCode.NoFile); return true; },
        ["supervisor.shutdown"] = (r, _) => { r.supervisor.RequestShutdown(); return true; },
        ["supervisor.restart"] = (r, _) => { r.supervisor.RequestRestart(); return true; },
        ["supervisor.getProcessInfo"] = (r, a) => r.ProcessInfo(r.Find(Str(a, 0)).Process ?? throw new RpcFault(FaultCode.BadName, Str(a, 0))),
        ["supervisor.getAllProcessInfo"] = (r, _) => r.AllSorted().Select(p => (object?)r.ProcessInfo(p)).ToList(),
        ["supervisor.startProcess"] = (r, a) => r.StartProcess(Str(a, 0), Bool(a, 1, true)),
        ["supervisor.stopProcess"] = (r, a) => r.StopProcess(Str(a, 0), Bool(a, 1, true)),
        ["supervisor.startProcessGroup"] = (r, a) => r.AllFunc(r.GroupMembers(Str(a, 0)), p => !p.State.IsRunning(), n => r.StartProcess(n, Bool(a, 1, true))),
        ["supervisor.stopProcessGroup"] = (r, a) => r.AllFunc(r.GroupMembers(Str(a, 0)), p => p.State.IsRunning(), n => r.StopProcess(n, Bool(a, 1, true))),
        ["supervisor.startAllProcesses"] = (r, a) => r.AllFunc(r.AllSorted(), p => !p.State.IsRunning(), n => r.StartProcess(n, Bool(a, 0, true))),
        ["supervisor.stopAllProcesses"] = (r, a) => r.AllFunc(r.AllSorted(), p => p.State.IsRunning(), n => r.StopProcess(n, Bool(a, 0, true))),
        ["supervisor.signalProcess"] = (r, a) => r.SignalProcess(Str(a, 0), a.Count > 1 ? a[1]?.ToString() ?? "" : throw new RpcFault(FaultCode.IncorrectParameters)),
        ["supervisor.signalProcessGroup"] = (r, a) => r.AllFunc(r.GroupMembers(Str(a, 0)), p => p.State is ProcessState.Running or ProcessState.Starting or ProcessState.Stopping, n => r.SignalProcess(n, a[1]?.ToString() ?? "")),
        ["supervisor.signalAllProcesses"] = (r, a) => r.AllFunc(r.AllSorted(), p => p.State is ProcessState.Running or ProcessState.Starting or ProcessState.Stopping, n => r.SignalProcess(n, a[0]?.ToString() ?? "")),
        ["supervisor.readProcessStdoutLog"] = (r, a) => r.ReadLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: false),
        ["supervisor.readProcessLog"] = (r, a) => r.ReadLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: false),
        ["supervisor.readProcessStderrLog"] = (r, a) => r.ReadLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: true),
        ["supervisor.tailProcessStdoutLog"] = (r, a) => r.TailLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: false),
        ["supervisor.tailProcessLog"] = (r, a) => r.TailLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: false),
        ["supervisor.tailProcessStderrLog"] = (r, a) => r.TailLog(Str(a, 0), Int(a, 1), Int(a, 2), stderr: true),
        ["supervisor.clearProcessLogs"] = (r, a) => r.ClearLogs(Str(a, 0)),
        ["supervisor.clearProcessLog"] = (r, a) => r.ClearLogs(Str(a, 0)),
        ["supervisor.clearAllProcessLogs"] = (r, _) => r.AllFunc(r.AllSorted(), _ => true, n => r.ClearLogs(n)),
        ["supervisor.sendProcessStdin"] = (r, a) => r.SendStdin(Str(a, 0), Str(a, 1)),
        ["supervisor.reloadConfig"] = (r, _) => r.ReloadConfig(),
        ["supervisor.addProcessGroup"] = (r, a) => r.AddProcessGroup(Str(a, 0)),
        ["supervisor.removeProcessGroup"] = (r, a) => r.RemoveProcessGroup(Str(a, 0)),
        ["supervisor.getAllConfigInfo"] = (r, _) => r.AllConfigInfo(),
    };

    private static string Str(List<object?> a, int i) => i < a.Count && a[i] is string s ? s : throw new RpcFault(FaultCode.IncorrectParameters);
    private static int Int(List<object?> a, int i) => i < a.Count && a[i] is int n ? n : throw new RpcFault(FaultCode.IncorrectParameters);
    private static bool Bool(List<object?> a, int i, bool dflt) => i >= a.Count ? dflt : a[i] is bool b ? b : a[i] is int n ? n != 0 : throw new RpcFault(FaultCode.IncorrectParameters);

    /// <summary>split_namespec: "g:p", "g:*"/"g:" (whole group) or "name" (group = process = name).</summary>
    public static (string Group, string? Process) SplitNamespec(string namespec)
    {
        int colon = namespec.IndexOf(':');
        if (colon < 0) return (namespec, namespec);
        string p = namespec[(colon + 1)..];
        return (namespec[..colon], p.Length == 0 || p == "*" ? null : p);
    }

    /// <summary>_getGroupAndProcess: BAD_NAME for an unknown group or process; Process null for a whole group.</summary>
    private (ProcessGroup Group, Subprocess? Process) Find(string name)
    {
        var (g, p) = SplitNamespec(name);
        var group = supervisor.Groups.FirstOrDefault(x => x.Name == g) ?? throw new RpcFault(FaultCode.BadName, name);
        if (p is null) return (group, null);
        var process = group.Processes.FirstOrDefault(x => x.Config.Name == p) ?? throw new RpcFault(FaultCode.BadName, name);
        return (group, process);
    }

    private List<Subprocess> GroupMembers(string name)
    {
        var group = supervisor.Groups.FirstOrDefault(x => x.Name == name) ?? throw new RpcFault(FaultCode.BadName, name);
        return group.Processes.OrderBy(p => p.Config.Priority).ThenBy(p => p.Config.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>_getAllProcesses: by group (sorted by priority, name), then process.</summary>
    private List<Subprocess> AllSorted() =>
        supervisor.Groups.OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.Ordinal)
            .SelectMany(g => g.Processes.OrderBy(p => p.Config.Priority).ThenBy(p => p.Config.Name, StringComparer.Ordinal)).ToList();
}
