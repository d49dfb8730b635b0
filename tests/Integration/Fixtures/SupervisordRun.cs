using System.Diagnostics;
using System.Text;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A supervisord (ours by default, or Python's) on a config written into a fresh temporary directory: started as a
/// real process, its log watched, stopped with SIGTERM (then SIGKILL) when disposed.
/// </summary>
public sealed class SupervisordRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    /// <summary>The temporary directory (holds s.conf, sd.log, supervisor.sock).</summary>
    public string Dir { get; }

    /// <summary>The config file.</summary>
    public string ConfigFile => Path.Combine(Dir, "s.conf");

    /// <summary>The unix socket path configured by <see cref="Header"/>.</summary>
    public string Socket => Path.Combine(Dir, "supervisor.sock");

    /// <summary>The supervisord's pid.</summary>
    public int Pid => _process.Id;

    /// <summary>[supervisord]/[unix_http_server]/[supervisorctl]/[rpcinterface] sections for a run in <paramref name="dir"/>.</summary>
    public static string Header(string dir) => $"""
        [supervisord]
        nodaemon=true
        logfile={dir}/sd.log
        pidfile={dir}/sd.pid
        childlogdir={dir}

        [unix_http_server]
        file={dir}/supervisor.sock
        chmod=0700

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

        [supervisorctl]
        serverurl=unix://{dir}/supervisor.sock

        """;

    /// <summary>Starts a supervisord on Header + <paramref name="programs"/> ("{dir}" in it is replaced).</summary>
    public SupervisordRun(string programs, bool python = false, string? dir = null, IEnumerable<string>? wrapper = null)
    {
        Dir = dir ?? Path.Combine(Path.GetTempPath(), "swssbox-sv-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        File.WriteAllText(ConfigFile, Header(Dir) + programs.Replace("{dir}", Dir));
        var psi = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Dir };
        var argv = new List<string>();
        if (wrapper is not null) argv.AddRange(wrapper);
        if (python) argv.AddRange(["/usr/bin/python3", "-m", "supervisor.supervisord"]);
        else argv.AddRange([Repo.Binary, "supervisord"]);
        argv.AddRange(["-c", ConfigFile, "-n"]);
        psi.FileName = argv[0];
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The main log so far.</summary>
    public string Log => File.Exists(Path.Combine(Dir, "sd.log")) ? File.ReadAllText(Path.Combine(Dir, "sd.log")) : "";

    /// <summary>What it wrote on stderr.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Waits until the log contains <paramref name="text"/> (<paramref name="count"/> times); false on timeout.</summary>
    public bool WaitForLog(string text, double seconds = 10, int count = 1)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            if (Count(Log, text) >= count)
                return true;
            if (_process.HasExited)
                return Count(Log, text) >= count;
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>Waits for the socket to exist.</summary>
    public bool WaitForSocket(double seconds = 10)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            if (File.Exists(Socket)) return true;
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>Occurrences of <paramref name="text"/> in <paramref name="haystack"/>.</summary>
    public static int Count(string haystack, string text)
    {
        int n = 0, i = 0;
        while ((i = haystack.IndexOf(text, i, StringComparison.Ordinal)) >= 0) { n++; i += text.Length; }
        return n;
    }

    /// <summary>Log lines with their timestamps parsed (supervisor's "yyyy-MM-dd HH:mm:ss,fff LEVL message").</summary>
    public IEnumerable<(DateTime Time, string Message)> LogLines() =>
        Log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Length > 29)
            .Select(l => (DateTime.ParseExact(l[..23], "yyyy-MM-dd HH:mm:ss,fff", null), l[29..]));

    /// <summary>Sends <paramref name="signal"/> (e.g. "TERM").</summary>
    public void Signal(string signal) => Run.Process("/bin/kill", ["-" + signal, _process.Id.ToString()]);

    /// <summary>Waits for exit; the exit code, or null on timeout.</summary>
    public int? WaitForExit(double seconds)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds)))
            return null;
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signal("TERM");
            if (!_process.WaitForExit(15000))
                _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
