using Swssbox.Native;
using Swssbox.Supervision.Config;

namespace Swssbox.Supervision.Processes;

/// <summary>What a successful spawn hands back: the pid and our ends of its pipes.</summary>
public sealed record SpawnedChild(int Pid, int StdinWrite, int StdoutRead, int StderrRead);

/// <summary>A spawn that failed before the child ran: supervisor's spawnerr text.</summary>
public sealed class SpawnException(string message) : Exception(message);

/// <summary>
/// Starts one process as supervisor's spawn does (process.py get_execv_args / _spawn_as_child): the command found on
/// PATH before anything is created, stdin/stdout/stderr pipes, its own process group, a clean signal state, the
/// environment supervisor builds, directory; user= and umask= through our exec helper (posix_spawn has no setuid).
/// </summary>
public static class Spawner
{
    private const string DefaultPath = "/bin:/usr/bin:/usr/local/bin";

    /// <summary>Finds the program to run: (path, argv) or a <see cref="SpawnException"/> with supervisor's text.</summary>
    public static (string Path, List<string> Argv) Resolve(ProgramConfig config, IReadOnlyDictionary<string, string> environment)
    {
        List<string> argv;
        try { argv = Shlex.Split(config.Command); }
        catch (FormatException e) { throw new SpawnException($"can't parse command {Expansion.PyRepr(config.Command)}: {e.Message}"); }
        if (argv.Count == 0)
            throw new SpawnException($"can't parse command {Expansion.PyRepr(config.Command)}: empty");
        string program = argv[0];
        string? found = null;
        if (program.Contains('/'))
        {
            found = File.Exists(program) || Directory.Exists(program) ? program : null;
        }
        else
        {
            string path = config.Environment.TryGetValue("PATH", out var p) ? p
                : environment.TryGetValue("PATH", out var q) ? q : DefaultPath;
            foreach (var dir in path.Split(':'))
            {
                string candidate = Path.Combine(dir, program);
                if (File.Exists(candidate) || Directory.Exists(candidate)) { found = candidate; break; }
            }
        }
        if (found is null)
            throw new SpawnException($"can't find command {Expansion.PyRepr(program)}");
        if (Directory.Exists(found))
            throw new SpawnException($"command at {Expansion.PyRepr(found)} is a directory");
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.UserExecute : File.GetUnixFileMode(found);
        if ((mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            throw new SpawnException($"command at {Expansion.PyRepr(found)} is not executable");
        return (found, argv);
    }

    /// <summary>Spawns the resolved command; pipes are CLOEXEC on our side.</summary>
    public static SpawnedChild Spawn(ProgramConfig config, string path, List<string> argv, IReadOnlyList<string> envp, string groupName, string? helper)
    {
        var stdin = Libc.Pipe();
        var stdout = Libc.Pipe();
        (int Read, int Write) stderr = config.RedirectStderr ? (-1, -1) : Libc.Pipe();
        try
        {
            var fds = new List<Libc.FdMapping> { new(stdin.Read, 0), new(stdout.Write, 1), new(config.RedirectStderr ? stdout.Write : stderr.Write, 2) };
            string file = path;
            var args = argv;
            if (config.User is not null || config.Umask is not null)
            {
                if (helper is null)
                    throw new SpawnException("user=/umask= need the swssbox binary (/proc/self/exe) as exec helper");
                file = helper;
                args = ["supervisord", "--exec-helper", config.User ?? "", config.Umask?.ToString() ?? "", path, .. argv];
            }
            int pid = Libc.Spawn(file, args, envp, fds, config.Directory);
            return new SpawnedChild(pid, stdin.Write, stdout.Read, stderr.Read);
        }
        catch
        {
            Libc.Close(stdin.Write); Libc.Close(stdout.Read); Libc.Close(stderr.Read);
            throw;
        }
        finally
        {
            Libc.Close(stdin.Read); Libc.Close(stdout.Write); Libc.Close(stderr.Write);
        }
    }
}
