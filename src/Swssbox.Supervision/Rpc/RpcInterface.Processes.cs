using Swssbox.Native;
using Swssbox.Supervision.Config;
using Swssbox.Supervision.Processes;

namespace Swssbox.Supervision.Rpc;

public sealed partial class RpcInterface
{
    private static int Capped(DateTimeOffset? t) => t is { } v ? (int)Math.Min(int.MaxValue, v.ToUnixTimeSeconds()) : 0;

    /// <summary>getProcessInfo's struct, with supervisor's description text.</summary>
    internal Dictionary<string, object?> ProcessInfo(Subprocess p)
    {
        int start = Capped(p.StartWall), stop = Capped(p.StopWall);
        int now = (int)Math.Min(int.MaxValue, DateTimeOffset.Now.ToUnixTimeSeconds());
        string stdout = p.StdoutLogFile ?? "", stderr = p.StderrLogFile ?? "";
        return new Dictionary<string, object?>
        {
            ["name"] = p.Config.Name,
            ["group"] = p.Group.Name,
            ["start"] = start,
            ["stop"] = stop,
            ["now"] = now,
            ["state"] = (int)p.State,
            ["statename"] = p.State.Name(),
            ["spawnerr"] = p.SpawnErr ?? "",
            ["exitstatus"] = p.ExitStatus ?? 0,
            ["logfile"] = stdout,
            ["stdout_logfile"] = stdout,
            ["stderr_logfile"] = stderr,
            ["pid"] = p.Pid,
            ["description"] = Description(p, start, stop, now),
        };
    }

    /// <summary>_interpretProcessInfo.</summary>
    public static string Description(Subprocess p, int start, int stop, int now)
    {
        switch (p.State)
        {
            case ProcessState.Running:
                long up = Math.Max(0, now - start);
                return $"pid {p.Pid}, uptime {Uptime(up)}";
            case ProcessState.Fatal or ProcessState.Backoff:
                return string.IsNullOrEmpty(p.SpawnErr) ? $"unknown error (try \"tail {p.Config.Name}\")" : p.SpawnErr;
            case ProcessState.Stopped or ProcessState.Exited:
                if (start == 0) return "Not started";
                var local = DateTimeOffset.FromUnixTimeSeconds(stop).ToLocalTime();
                return local.ToString("MMM dd hh:mm tt", System.Globalization.CultureInfo.InvariantCulture);
            default:
                return "";
        }
    }

    /// <summary>str(datetime.timedelta(seconds=N)): "H:MM:SS" or "D day(s), H:MM:SS".</summary>
    public static string Uptime(long seconds)
    {
        long days = seconds / 86400, rest = seconds % 86400;
        string hms = $"{rest / 3600}:{rest % 3600 / 60:00}:{rest % 60:00}";
        return days == 0 ? hms : $"{days} day{(days == 1 ? "" : "s")}, {hms}";
    }

    private object? StartProcess(string name, bool wait)
    {
        var (group, process) = Find(name);
        if (process is null)
            return AllFunc(GroupMembers(group.Name), p => !p.State.IsRunning(), n => StartProcess(n, wait));
        try
        {
            Spawner.Resolve(process.Config, supervisor.Environment);
        }
        catch (SpawnException e)
        {
            throw new RpcFault(e.Message.StartsWith("can't find") ? FaultCode.NoFile : FaultCode.NotExecutable, e.Message);
        }
        if (process.State.IsRunning()) throw new RpcFault(FaultCode.AlreadyStarted, name);
        if (process.State == ProcessState.Unknown) throw new RpcFault(FaultCode.Failed, $"{name} is in an unknown state");
        process.Spawn();
        supervisor.ReapNow();
        if (process.SpawnErr is not null) throw new RpcFault(FaultCode.SpawnError, name);
        process.Transition();
        if (wait && process.State != ProcessState.Running)
        {
            return new Deferred(() =>
            {
                if (process.SpawnErr is not null) throw new RpcFault(FaultCode.SpawnError, name);
                if (process.State is not (ProcessState.Starting or ProcessState.Running)) throw new RpcFault(FaultCode.AbnormalTermination, name);
                return process.State == ProcessState.Running ? true : Deferred.NotDoneYet;
            });
        }
        return true;
    }

    private object? StopProcess(string name, bool wait)
    {
        var (group, process) = Find(name);
        if (process is null)
            return AllFunc(GroupMembers(group.Name), p => p.State.IsRunning(), n => StopProcess(n, wait));
        if (!process.State.IsRunning()) throw new RpcFault(FaultCode.NotRunning, name);
        if (process.Stop() is { } msg) throw new RpcFault(FaultCode.Failed, msg);
        supervisor.ReapNow();
        if (wait)
            return new Deferred(() => process.State.IsStopped() ? true : Deferred.NotDoneYet);
        return true;
    }

    private object? SignalProcess(string name, string signal)
    {
        var (group, process) = Find(name);
        if (process is null)
            return AllFunc(GroupMembers(group.Name), p => p.State is ProcessState.Running or ProcessState.Starting or ProcessState.Stopping, n => SignalProcess(n, signal));
        int sig;
        try { sig = Signals.Parse(signal); }
        catch (FormatException) { throw new RpcFault(FaultCode.BadSignal, signal); }
        if (process.State is not (ProcessState.Running or ProcessState.Starting or ProcessState.Stopping))
            throw new RpcFault(FaultCode.NotRunning, name);
        if (process.Signal(sig) is { } msg) throw new RpcFault(FaultCode.Failed, msg);
        return true;
    }

    /// <summary>make_allfunc: run <paramref name="func"/> on each matching process, gather [{name, group, status, description}].</summary>
    private object? AllFunc(List<Subprocess> processes, Func<Subprocess, bool> predicate, Func<string, object?> func)
    {
        var results = new List<object?>();
        var callbacks = new List<(Subprocess P, Deferred D)>();
        Dictionary<string, object?> Result(Subprocess p, FaultCode code, string desc) =>
            new() { ["name"] = p.Config.Name, ["group"] = p.Group.Name, ["status"] = (int)code, ["description"] = desc };
        foreach (var p in processes)
        {
            if (!predicate(p)) continue;
            try
            {
                if (func(p.Namespec) is Deferred d) callbacks.Add((p, d));
                else results.Add(Result(p, FaultCode.Success, "OK"));
            }
            catch (RpcFault f) { results.Add(Result(p, f.Code, f.Message)); }
        }
        if (callbacks.Count == 0) return results;
        return new Deferred(() =>
        {
            foreach (var cb in callbacks.ToList())
            {
                try
                {
                    if (cb.D.Poll() == Deferred.NotDoneYet) continue;
                    results.Add(Result(cb.P, FaultCode.Success, "OK"));
                }
                catch (RpcFault f) { results.Add(Result(cb.P, f.Code, f.Message)); }
                callbacks.Remove(cb);
            }
            return callbacks.Count > 0 ? Deferred.NotDoneYet : results;
        });
    }

    private string? LogOf(string name, bool stderr)
    {
        var (_, process) = Find(name);
        if (process is null) throw new RpcFault(FaultCode.BadName, name);
        return stderr ? process.StderrLogFile : process.StdoutLogFile;
    }

    private object? ReadLog(string name, int offset, int length, bool stderr)
    {
        string? file = LogOf(name, stderr);
        if (file is null || !File.Exists(file)) throw new RpcFault(FaultCode.NoFile, file ?? "None");
        return LogFiles.Read(file, offset, length);
    }

    private object? TailLog(string name, int offset, int length, bool stderr)
    {
        string? file = LogOf(name, stderr);
        if (file is null || !File.Exists(file)) return new List<object?> { "", 0, false };
        return LogFiles.Tail(file, offset, length);
    }

    private object? ClearLogs(string name)
    {
        var (_, process) = Find(name);
        if (process is null) throw new RpcFault(FaultCode.BadName, name);
        foreach (var f in new[] { process.StdoutLogFile, process.StderrLogFile })
            if (f is not null && File.Exists(f))
                try { File.WriteAllBytes(f, []); } catch (IOException) { throw new RpcFault(FaultCode.Failed, name); }
        return true;
    }

    private object? SendStdin(string name, string chars)
    {
        var (_, process) = Find(name);
        if (process is null) throw new RpcFault(FaultCode.BadName, name);
        if (process.Pid == 0 || process.Killing || process.StdinFd < 0) throw new RpcFault(FaultCode.NotRunning, name);
        if (!Libc.WriteAll(process.StdinFd, System.Text.Encoding.UTF8.GetBytes(chars))) throw new RpcFault(FaultCode.NoFile, "Process has no stdin channel");
        return true;
    }

    private object? ReloadConfig()
    {
        SupervisorConfig config;
        try { config = ConfigLoader.Load(supervisor.Config.ConfigFile, supervisor.Environment); }
        catch (ConfigException e) { throw new RpcFault(FaultCode.CantReread, e.Message); }
        _pendingConfig = config;
        var active = supervisor.Groups.ToDictionary(g => g.Name, g => Signature(g.Config));
        var next = config.Groups.ToDictionary(g => g.Name, Signature);
        var added = config.Groups.Where(g => !active.ContainsKey(g.Name)).Select(g => (object?)g.Name).ToList();
        var changed = config.Groups.Where(g => active.TryGetValue(g.Name, out var s) && s != next[g.Name]).Select(g => (object?)g.Name).ToList();
        var removed = supervisor.Groups.Where(g => !next.ContainsKey(g.Name)).Select(g => (object?)g.Name).ToList();
        return new List<object?> { new List<object?> { added, changed, removed } };
    }

    // Two group configs are the same when every option is; collections are compared by content.
    private static string Signature(GroupConfig g) =>
        $"{g.Name}|{g.Priority}|{g.IsEventListenerPool}|" + string.Join(";", g.Processes.Select(p =>
            (p with { ExitCodes = new HashSet<int>(), Environment = new Dictionary<string, string>(), WaitFor = [], Events = [] }).ToString()
            + string.Join(",", p.ExitCodes.Order()) + string.Join(",", p.Environment.Select(kv => kv.Key + "=" + kv.Value))
            + string.Join(",", p.WaitFor) + string.Join(",", p.Events)));

    private object? AddProcessGroup(string name)
    {
        var config = _pendingConfig ?? supervisor.Config;
        var g = config.Groups.FirstOrDefault(x => x.Name == name) ?? throw new RpcFault(FaultCode.BadName, name);
        if (supervisor.Groups.Any(x => x.Name == name)) throw new RpcFault(FaultCode.AlreadyAdded, name);
        supervisor.ReplaceConfig(config);
        supervisor.AddGroup(g);
        return true;
    }

    private object? RemoveProcessGroup(string name)
    {
        var g = supervisor.Groups.FirstOrDefault(x => x.Name == name) ?? throw new RpcFault(FaultCode.BadName, name);
        if (g.Processes.Any(p => !p.State.IsStopped())) throw new RpcFault(FaultCode.StillRunning, name);
        supervisor.RemoveGroup(g);
        return true;
    }

    private object? AllConfigInfo() => supervisor.Groups.SelectMany(g => g.Processes.Select(p => (object?)new Dictionary<string, object?>
    {
        ["autostart"] = p.Config.AutoStart,
        ["command"] = p.Config.Command,
        ["exitcodes"] = p.Config.ExitCodes.Order().Select(c => (object?)c).ToList(),
        ["group"] = g.Name,
        ["group_prio"] = g.Priority,
        ["inuse"] = true,
        ["killasgroup"] = p.Config.KillAsGroup,
        ["name"] = p.Config.Name,
        ["process_prio"] = p.Config.Priority,
        ["redirect_stderr"] = p.Config.RedirectStderr,
        ["startretries"] = p.Config.StartRetries,
        ["startsecs"] = p.Config.StartSecs,
        ["stdout_logfile"] = p.StdoutLogFile ?? "none",
        ["stderr_logfile"] = p.StderrLogFile ?? "none",
        ["stopsignal"] = p.Config.StopSignal,
        ["stopwaitsecs"] = p.Config.StopWaitSecs,
        ["stopasgroup"] = p.Config.StopAsGroup,
    })).OrderBy(d => (string)((Dictionary<string, object?>)d!)["name"]!, StringComparer.Ordinal).ToList(); // Python sorts by process name

    /// <summary>system.multicall: each call in order (waiting on deferred ones); faults become {faultCode, faultString}.</summary>
    private object? Multicall(List<object?> args)
    {
        if (args.Count < 1 || args[0] is not List<object?> calls) throw new RpcFault(FaultCode.IncorrectParameters);
        var results = new List<object?>();
        int index = 0;
        Deferred? current = null;
        static Dictionary<string, object?> AsFault(int code, string text) => new() { ["faultCode"] = code, ["faultString"] = text };
        object? Step()
        {
            while (true)
            {
                if (current is not null)
                {
                    try
                    {
                        var v = current.Poll();
                        if (v == Deferred.NotDoneYet) return Deferred.NotDoneYet;
                        results.Add(v);
                    }
                    catch (RpcFault f) { results.Add(AsFault((int)f.Code, f.Message)); }
                    current = null;
                }
                if (index >= calls.Count) return results;
                var call = calls[index++] as Dictionary<string, object?>;
                string? method = call?.GetValueOrDefault("methodName") as string;
                var ps = call?.GetValueOrDefault("params") as List<object?> ?? [];
                if (method is null) { results.Add(AsFault((int)FaultCode.IncorrectParameters, "INCORRECT_PARAMETERS")); continue; }
                if (method == "system.multicall") { results.Add(AsFault((int)FaultCode.IncorrectParameters, "INCORRECT_PARAMETERS: Recursive system.multicall forbidden")); continue; }
                try
                {
                    var v = Call(method, ps);
                    if (v is Deferred d) current = d;
                    else results.Add(v);
                }
                catch (RpcFault f) { results.Add(AsFault((int)f.Code, f.Message)); }
            }
        }
        var first = Step();
        return first == Deferred.NotDoneYet ? new Deferred(Step) : first;
    }
}

/// <summary>readFile/tailFile of supervisor's options.py on log files.</summary>
internal static class LogFiles
{
    public static string Read(string path, int offset, int length)
    {
        try
        {
            using var f = File.OpenRead(path);
            byte[] data;
            if (offset < 0)
            {
                if (length != 0) throw new RpcFault(FaultCode.BadArguments);
                long pos = Math.Max(0, f.Length + offset);
                f.Seek(pos, SeekOrigin.Begin);
                data = ReadUpTo(f, -offset);
            }
            else
            {
                if (length < 0) throw new RpcFault(FaultCode.BadArguments);
                f.Seek(offset, SeekOrigin.Begin);
                data = ReadUpTo(f, length == 0 ? int.MaxValue : length);
            }
            return System.Text.Encoding.UTF8.GetString(data);
        }
        catch (IOException) { throw new RpcFault(FaultCode.Failed); }
    }

    public static List<object?> Tail(string path, int offset, int length)
    {
        try
        {
            using var f = File.OpenRead(path);
            long sz = f.Length;
            long off = offset, len = length;
            bool overflow = false;
            if (sz > off + len) { overflow = true; off = sz - 1; }
            if (off + len > sz) { if (off > sz - 1) len = 0; off = sz - len; }
            if (off < 0) off = 0;
            if (len < 0) len = 0;
            byte[] data = [];
            if (len > 0) { f.Seek(off, SeekOrigin.Begin); data = ReadUpTo(f, (int)len); }
            return [System.Text.Encoding.UTF8.GetString(data), (int)Math.Min(int.MaxValue, sz), overflow];
        }
        catch (IOException) { return ["", offset, false]; }
    }

    private static byte[] ReadUpTo(FileStream f, int max)
    {
        var ms = new MemoryStream();
        byte[] buf = new byte[65536];
        while (ms.Length < max)
        {
            int n = f.Read(buf, 0, (int)Math.Min(buf.Length, max - ms.Length));
            if (n <= 0) break;
            ms.Write(buf, 0, n);
        }
        return ms.ToArray();
    }
}
