using System.Diagnostics;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>The outcome of a finished process.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

/// <summary>Runs real processes for tests, with a hang limit.</summary>
public static class Run
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; argv[0] is <paramref name="argv0"/> when given (via exec -a).</summary>
    public static RunResult Process(string file, IEnumerable<string> args, IDictionary<string, string>? env = null,
        string? stdin = null, TimeSpan? timeout = null, string? argv0 = null)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        if (argv0 is null)
        {
            psi.FileName = file;
            foreach (var a in args)
                psi.ArgumentList.Add(a);
        }
        else
        {
            // bash's exec -a sets argv[0] without a symlink.
            psi.FileName = "/bin/bash";
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec -a \"$0\" \"$@\"");
            psi.ArgumentList.Add(argv0);
            psi.ArgumentList.Add(file);
            foreach (var a in args)
                psi.ArgumentList.Add(a);
        }
        if (env is not null)
        {
            foreach (var (k, v) in env)
                psi.Environment[k] = v;
        }
        var sw = Stopwatch.StartNew();
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time");
        }
        p.WaitForExit();
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result, sw.Elapsed);
    }

    /// <summary>Runs the static swssbox binary.</summary>
    public static RunResult Swssbox(IEnumerable<string> args, IDictionary<string, string>? env = null, string? stdin = null, TimeSpan? timeout = null, string? argv0 = null) =>
        Process(Repo.Binary, args, env, stdin, timeout, argv0);
}
