using System.Globalization;
using Swssbox.Supervision.Processes;
using Swssbox.Supervision.Rpc;

namespace Swssbox.Supervision.Control;

/// <summary>
/// supervisorctl's commands, one shot (supervisorctl.py DefaultControllerPlugin): the same calls, the same output
/// lines and the same exit codes (LSB: 0, 1 generic, 2 invalid args, 3 status not running, 4 status unknown or
/// refused, 7 not running/spawn error).
/// </summary>
public sealed class Ctl(RpcClient client, TextWriter output)
{
    private const int Generic = 1, InvalidArgs = 2, UnimplementedFeature = 3, InsufficientPrivileges = 4, NotInstalled = 5, NotRunning = 7;
    private const int StatusNotRunning = 3, StatusUnknown = 4;
    private int _exit;

    private void Out(string s) => output.Write(s + "\n");

    /// <summary>Runs one command line; returns the exit status.</summary>
    public int Run(string command, string[] args)
    {
        string arg = string.Join(' ', args);
        try
        {
            switch (command)
            {
                case "status": Status(args); break;
                case "start": Start(args); break;
                case "stop": Stop(args); break;
                case "restart":
                    if (!Upcheck()) break;
                    if (args.Length == 0) { Out("Error: restart requires a process name"); _exit = Generic; output.Write(Help.For("restart")); break; }
                    Stop(args); Start(args); break;
                case "pid": Pid(args); break;
                case "signal": Signal(args); break;
                case "tail": Tail(args); break;
                case "avail": Avail(arg); break;
                case "reread": Reread(arg); break;
                case "update": Update(args); break;
                case "shutdown": Shutdown(arg); break;
                case "reload": Reload(arg); break;
                case "version": if (Upcheck()) Out((string)client.Call("supervisor.getSupervisorVersion")!); break;
                case "clear": Clear(args); break;
                default: Out($"*** Unknown syntax: {(command + " " + arg).Trim()}"); _exit = Generic; break;
            }
        }
        catch (ServerUnreachableException e)
        {
            Out($"{e.ServerUrl} {(e.NoSuchFile ? "no such file" : "refused connection")}");
            _exit = command == "status" ? StatusUnknown : e.NoSuchFile ? NotRunning : InsufficientPrivileges;
        }
        catch (FaultException e)
        {
            Out($"error: <Fault {e.Code}: '{e.Message}'>");
            _exit = Generic;
        }
        return _exit;
    }

    private bool Upcheck()
    {
        try
        {
            var api = client.Call("supervisor.getVersion") as string;
            if (api != RpcInterface.ApiVersion)
            {
                Out($"Sorry, this version of supervisorctl expects to talk to a server with API version {RpcInterface.ApiVersion}, but the remote version is {api}.");
                _exit = NotInstalled;
                return false;
            }
            return true;
        }
        catch (FaultException e) when (e.Code == (int)FaultCode.UnknownMethod)
        {
            Out("Sorry, supervisord responded but did not recognize the supervisor namespace commands that supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor] section is enabled in the configuration file (see sample.conf).");
            _exit = UnimplementedFeature;
            return false;
        }
        catch (ServerUnreachableException e)
        {
            Out($"{e.ServerUrl} {(e.NoSuchFile ? "no such file" : "refused connection")}");
            _exit = e.NoSuchFile ? NotRunning : InsufficientPrivileges;
            return false;
        }
    }

    private static string Namespec(string group, string name) => group == name ? name : $"{group}:{name}";

    private static List<Dictionary<string, object?>> Structs(object? v) => ((List<object?>)v!).Cast<Dictionary<string, object?>>().ToList();

    /// <summary>_show_statuses: name column max(30, longest)+3, state 10.</summary>
    private void ShowStatuses(List<Dictionary<string, object?>> infos)
    {
        var names = infos.Select(i => Namespec((string)i["group"]!, (string)i["name"]!)).ToList();
        int width = Math.Max(30, names.Count == 0 ? 0 : names.Max(n => n.Length)) + 3;
        for (int i = 0; i < infos.Count; i++)
            Out(names[i].PadRight(width) + ((string)infos[i]["statename"]!).PadRight(10) + (string)infos[i]["description"]!);
    }

    private void Status(string[] names)
    {
        if (!Upcheck()) { _exit = StatusUnknown; return; }
        var all = Structs(client.Call("supervisor.getAllProcessInfo"));
        List<Dictionary<string, object?>> matching;
        if (names.Length == 0 || names.Contains("all")) matching = all;
        else
        {
            matching = new();
            foreach (var name in names)
            {
                var (g, p) = RpcInterface.SplitNamespec(name);
                bool bad = true;
                foreach (var info in all)
                {
                    bool matched = (string)info["group"]! == g && (p is null || (string)info["name"]! == p);
                    if (matched) { bad = false; matching.Add(info); }
                }
                if (bad)
                {
                    Out(p is null ? $"{g}: ERROR (no such group)" : $"{name}: ERROR (no such process)");
                    _exit = StatusUnknown;
                }
            }
        }
        ShowStatuses(matching);
        foreach (var info in matching)
            if (((ProcessState)(int)info["state"]!).IsStopped())
                _exit = StatusNotRunning;
    }

    private void SetExitFromFault(int code, int ignored = -1)
    {
        if (code == ignored || code == (int)FaultCode.Success) return;
        _exit = code is (int)FaultCode.SpawnError or (int)FaultCode.AbnormalTermination or (int)FaultCode.NotRunning ? NotRunning : Generic;
    }

    private static string StartResult(Dictionary<string, object?> r)
    {
        string name = Namespec((string)r["group"]!, (string)r["name"]!);
        return (FaultCode)(int)r["status"]! switch
        {
            FaultCode.BadName => $"{name}: ERROR (no such process)",
            FaultCode.NoFile => $"{name}: ERROR (no such file)",
            FaultCode.NotExecutable => $"{name}: ERROR (file is not executable)",
            FaultCode.AlreadyStarted => $"{name}: ERROR (already started)",
            FaultCode.SpawnError => $"{name}: ERROR (spawn error)",
            FaultCode.AbnormalTermination => $"{name}: ERROR (abnormal termination)",
            FaultCode.Success => $"{name}: started",
            var c => throw new InvalidOperationException($"Unknown result code {(int)c} for {name}"),
        };
    }

    private static string SignalResult(Dictionary<string, object?> r, string success = "signalled")
    {
        string name = Namespec((string)r["group"]!, (string)r["name"]!);
        return (FaultCode)(int)r["status"]! switch
        {
            FaultCode.BadName => $"{name}: ERROR (no such process)",
            FaultCode.BadSignal => $"{name}: ERROR (bad signal name)",
            FaultCode.NotRunning => $"{name}: ERROR (not running)",
            FaultCode.Success => $"{name}: {success}",
            FaultCode.Failed => (string)r["description"]!,
            var c => throw new InvalidOperationException($"Unknown result code {(int)c} for {name}"),
        };
    }

    private static Dictionary<string, object?> FaultResult(FaultException e, string group, string? process) =>
        new() { ["status"] = e.Code, ["name"] = process, ["group"] = group, ["description"] = e.Message };

    // start/stop/signal share one shape: all, group:*, or names; results printed through format.
    private void Bulk(string[] names, string allMethod, string groupMethod, string oneMethod, object?[] extra, Func<Dictionary<string, object?>, string> format, int ignored, string success, int badGroupExit)
    {
        if (names.Contains("all"))
        {
            foreach (var r in Structs(client.Call(allMethod, extra)))
            {
                Out(format(r));
                SetExitFromFault((int)r["status"]!, ignored);
            }
            return;
        }
        foreach (var name in names)
        {
            var (g, p) = RpcInterface.SplitNamespec(name);
            if (p is null)
            {
                try
                {
                    foreach (var r in Structs(client.Call(groupMethod, [g, .. extra])))
                    {
                        Out(format(r));
                        SetExitFromFault((int)r["status"]!, ignored);
                    }
                }
                catch (FaultException e) when (e.Code == (int)FaultCode.BadName)
                {
                    Out($"{g}: ERROR (no such group)");
                    _exit = badGroupExit;
                }
                continue;
            }
            try
            {
                client.Call(oneMethod, oneMethod == "supervisor.signalProcess" ? [name, .. extra] : [name]);
                Out($"{Namespec(g, p)}: {success}");
            }
            catch (FaultException e)
            {
                var r = FaultResult(e, g, p);
                Out(format(r));
                SetExitFromFault(e.Code, ignored);
            }
        }
    }

    private void Start(string[] names)
    {
        if (!Upcheck()) return;
        if (names.Length == 0) { Out("Error: start requires a process name"); _exit = InvalidArgs; output.Write(Help.For("start")); return; }
        Bulk(names, "supervisor.startAllProcesses", "supervisor.startProcessGroup", "supervisor.startProcess", [], StartResult, (int)FaultCode.AlreadyStarted, "started", InvalidArgs);
    }

    private void Stop(string[] names)
    {
        if (!Upcheck()) return;
        if (names.Length == 0) { Out("Error: stop requires a process name"); _exit = Generic; output.Write(Help.For("stop")); return; }
        Bulk(names, "supervisor.stopAllProcesses", "supervisor.stopProcessGroup", "supervisor.stopProcess", [], r => SignalResult(r, "stopped"), (int)FaultCode.NotRunning, "stopped", Generic);
    }

    private void Signal(string[] args)
    {
        if (!Upcheck()) return;
        if (args.Length < 2) { Out("Error: signal requires a signal name and a process name"); output.Write(Help.For("signal")); _exit = Generic; return; }
        Bulk(args[1..], "supervisor.signalAllProcesses", "supervisor.signalProcessGroup", "supervisor.signalProcess", [args[0]], r => SignalResult(r), -1, "signalled", Generic);
    }

    private void Pid(string[] names)
    {
        if (!Upcheck()) return;
        if (names.Length == 0) { Out(Convert.ToString(client.Call("supervisor.getPID"), CultureInfo.InvariantCulture)!); return; }
        if (names.Contains("all"))
        {
            foreach (var i in Structs(client.Call("supervisor.getAllProcessInfo"))) Out(i["pid"]!.ToString()!);
            return;
        }
        foreach (var name in names)
        {
            try
            {
                var info = (Dictionary<string, object?>)client.Call("supervisor.getProcessInfo", name)!;
                int pid = (int)info["pid"]!;
                Out(pid.ToString(CultureInfo.InvariantCulture));
                if (pid == 0) _exit = NotRunning;
            }
            catch (FaultException e) when (e.Code == (int)FaultCode.BadName)
            {
                _exit = Generic;
                Out($"No such process {name}");
            }
        }
    }

    private void Tail(string[] a)
    {
        if (!Upcheck()) return;
        var args = a.ToList();
        if (args.Count < 1) { Out("Error: too few arguments"); _exit = Generic; output.Write(Help.For("tail")); return; }
        if (args.Count > 3) { Out("Error: too many arguments"); _exit = Generic; output.Write(Help.For("tail")); return; }
        string? modifier = args[0].StartsWith('-') ? args[0] : null;
        if (modifier is not null) args.RemoveAt(0);
        string name, channel = "stdout";
        if (args.Count == 1) name = args[0];
        else if (args.Count > 1)
        {
            name = args[0];
            channel = args[^1].ToLowerInvariant();
            if (channel is not ("stderr" or "stdout")) { Out($"Error: bad channel '{channel}'"); _exit = Generic; return; }
        }
        else { Out("Error: tail requires process name"); _exit = Generic; return; }
        int bytes = 1600;
        if (modifier is not null)
        {
            if (modifier == "-f") { Out("Error: tail -f is not supported by this supervisorctl"); _exit = Generic; return; }
            if (!int.TryParse(modifier[1..], out bytes)) { Out($"Error: bad argument {modifier}"); _exit = Generic; return; }
        }
        try
        {
            Out((string)client.Call(channel == "stdout" ? "supervisor.readProcessStdoutLog" : "supervisor.readProcessStderrLog", name, -bytes, 0)!);
        }
        catch (FaultException e) when (e.Code is (int)FaultCode.NoFile or (int)FaultCode.Failed or (int)FaultCode.BadName)
        {
            _exit = Generic;
            Out((FaultCode)e.Code switch
            {
                FaultCode.NoFile => $"{name}: ERROR (no log file)",
                FaultCode.Failed => $"{name}: ERROR (unknown error reading log)",
                _ => $"{name}: ERROR (no such process name)",
            });
        }
    }

    private void Avail(string arg)
    {
        if (arg.Length > 0) { Out("Error: avail accepts no arguments"); _exit = Generic; output.Write(Help.For("avail")); return; }
        try
        {
            foreach (var c in Structs(client.Call("supervisor.getAllConfigInfo")))
            {
                string name = Namespec((string)c["group"]!, (string)c["name"]!);
                Out($"{name,-32} {((bool)c["inuse"]! ? "in use" : "avail"),-9} {((bool)c["autostart"]! ? "auto" : "manual"),-9} {c["group_prio"]}:{c["process_prio"]}");
            }
        }
        catch (FaultException e) when (e.Code == (int)FaultCode.ShutdownState) { _exit = Generic; Out("ERROR: supervisor shutting down"); }
    }

    private void Reread(string arg)
    {
        if (arg.Length > 0) { Out("Error: reread accepts no arguments"); _exit = Generic; output.Write(Help.For("reread")); return; }
        try
        {
            var r = (List<object?>)((List<object?>)client.Call("supervisor.reloadConfig")!)[0]!;
            var changes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (list, what) in new[] { (r[0], "available"), (r[1], "changed"), (r[2], "disappeared") })
                foreach (var n in (List<object?>)list!) changes[(string)n!] = what;
            if (changes.Count == 0) Out("No config updates to processes");
            foreach (var (n, w) in changes) Out($"{n}: {w}");
        }
        catch (FaultException e) when (e.Code == (int)FaultCode.ShutdownState) { _exit = Generic; Out("ERROR: supervisor shutting down"); }
        catch (FaultException e) when (e.Code == (int)FaultCode.CantReread) { _exit = Generic; Out($"ERROR: {e.Message}"); }
    }

    private void Update(string[] args)
    {
        List<object?> r;
        try { r = (List<object?>)((List<object?>)client.Call("supervisor.reloadConfig")!)[0]!; }
        catch (FaultException e) when (e.Code == (int)FaultCode.ShutdownState) { _exit = Generic; Out("ERROR: already shutting down"); return; }
        var added = ((List<object?>)r[0]!).Cast<string>().ToList();
        var changed = ((List<object?>)r[1]!).Cast<string>().ToList();
        var removed = ((List<object?>)r[2]!).Cast<string>().ToList();
        var valid = new HashSet<string>(args);
        if (valid.Contains("all")) valid.Clear();
        if (valid.Count > 0)
        {
            var groups = Structs(client.Call("supervisor.getAllProcessInfo")).Select(i => (string)i["group"]!).ToHashSet();
            groups.UnionWith(added);
            foreach (var g in valid)
                if (!groups.Contains(g)) { Out($"ERROR: no such group: {g}"); _exit = Generic; }
        }
        foreach (var g in removed)
        {
            if (valid.Count > 0 && !valid.Contains(g)) continue;
            var results = Structs(client.Call("supervisor.stopProcessGroup", g));
            Out($"{g}: stopped");
            if (results.Any(x => (int)x["status"]! == (int)FaultCode.Failed)) { Out($"{g}: has problems; not removing"); _exit = Generic; continue; }
            client.Call("supervisor.removeProcessGroup", g);
            Out($"{g}: removed process group");
        }
        foreach (var g in changed)
        {
            if (valid.Count > 0 && !valid.Contains(g)) continue;
            client.Call("supervisor.stopProcessGroup", g);
            Out($"{g}: stopped");
            client.Call("supervisor.removeProcessGroup", g);
            client.Call("supervisor.addProcessGroup", g);
            Out($"{g}: updated process group");
        }
        foreach (var g in added)
        {
            if (valid.Count > 0 && !valid.Contains(g)) continue;
            client.Call("supervisor.addProcessGroup", g);
            Out($"{g}: added process group");
        }
    }

    private void Shutdown(string arg)
    {
        if (arg.Length > 0) { Out("Error: shutdown accepts no arguments"); _exit = Generic; output.Write(Help.For("shutdown")); return; }
        try
        {
            client.Call("supervisor.shutdown");
            Out("Shut down");
        }
        catch (FaultException e) when (e.Code == (int)FaultCode.ShutdownState) { Out("ERROR: already shutting down"); }
        catch (ServerUnreachableException e)
        {
            _exit = Generic;
            Out($"ERROR: {e.ServerUrl} {(e.NoSuchFile ? "no such file" : "refused connection")} (already shut down?)");
        }
    }

    private void Reload(string arg)
    {
        if (arg.Length > 0) { Out("Error: reload accepts no arguments"); _exit = Generic; output.Write(Help.For("reload")); return; }
        try
        {
            client.Call("supervisor.restart");
            Out("Restarted supervisord");
        }
        catch (FaultException e) when (e.Code == (int)FaultCode.ShutdownState) { _exit = Generic; Out("ERROR: already shutting down"); }
    }

    private void Clear(string[] names)
    {
        if (!Upcheck()) return;
        if (names.Length == 0) { Out("Error: clear requires a process name"); _exit = Generic; output.Write(Help.For("clear")); return; }
        foreach (var name in names)
        {
            try { client.Call("supervisor.clearProcessLogs", name); Out($"{name}: cleared"); }
            catch (FaultException e) when (e.Code == (int)FaultCode.BadName) { _exit = Generic; Out($"{name}: ERROR (no such process)"); }
        }
    }
}
