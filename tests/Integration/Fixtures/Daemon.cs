using System.Diagnostics;
using System.Text;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>
/// A long-running swssbox tool started in the background (optionally inside a network namespace via
/// "ip netns exec"), its output collected, killed on dispose.
/// </summary>
public sealed class Daemon : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>Starts "swssbox TOOL ARGS…" in <paramref name="netns"/> (null: here) with <paramref name="env"/>.</summary>
    public Daemon(string tool, IEnumerable<string> args, IDictionary<string, string>? env = null, string? netns = null)
    {
        var psi = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (netns is not null)
        {
            psi.FileName = "ip";
            foreach (var a in new[] { "netns", "exec", netns, Repo.Binary })
                psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = Repo.Binary;
        }
        psi.ArgumentList.Add(tool);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["SWSSBOX_LOG_SOCKET"] = "/nonexistent/swssbox-test-log"; // logs to stderr, collected below
        if (env is not null)
        {
            foreach (var (k, v) in env)
                psi.Environment[k] = v;
        }
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Its process id (of "ip netns exec", which execs the binary: the same process).</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything it printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Waits for it to exit by itself; its exit code, or null after the timeout.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

    /// <summary>Peak resident memory (VmHWM) in KiB.</summary>
    public long PeakRssKiB()
    {
        foreach (string line in File.ReadAllLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        return -1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
