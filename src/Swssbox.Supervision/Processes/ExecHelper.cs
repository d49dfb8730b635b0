using System.Globalization;
using System.Text;
using Swssbox.Native;

namespace Swssbox.Supervision.Processes;

/// <summary>
/// The child side of user= and umask= (posix_spawn cannot setuid): our binary re-run as
/// "supervisord --exec-helper USER UMASK PATH ARGV…" sets the umask, then groups, gid and uid as supervisor's
/// set_uid does (initgroups, setgid, setuid; HOME/USER untouched), then execs. Failures exit 127 as supervisor's
/// child does, with its "supervisor: couldn't …" message on stderr.
/// </summary>
public static class ExecHelper
{
    /// <summary>Runs the helper; returns only on failure (the exit code).</summary>
    public static int Run(string user, string umask, string path, IReadOnlyList<string> argv)
    {
        if (umask.Length > 0 && int.TryParse(umask, CultureInfo.InvariantCulture, out int mask))
            Libc.Umask(mask);
        if (user.Length > 0)
        {
            if (Lookup(user) is not { } id)
                return Fail($"supervisor: couldn't setuid to {user}: no such user\n");
            if (Libc.GetUid() != id.Uid)
            {
                if (Libc.GetUid() != 0)
                    return Fail($"supervisor: couldn't setuid to {id.Uid}: Can't drop privilege as nonroot user\n");
                if (Libc.InitGroups(id.Name, id.Gid) != 0 || Libc.SetGid(id.Gid) != 0 || Libc.SetUid(id.Uid) != 0)
                    return Fail($"supervisor: couldn't setuid to {id.Uid}: {Errno.Describe(Libc.LastErrno)}\n");
            }
        }
        int errno = Libc.Exec(path, argv);
        return Fail($"supervisor: couldn't exec {path}: {Errno.Describe(errno)}\n");
    }

    private static int Fail(string message)
    {
        Libc.WriteAll(2, Encoding.UTF8.GetBytes(message));
        return 127;
    }

    /// <summary>A user by name or number from /etc/passwd: (name, uid, gid), or null.</summary>
    public static (string Name, int Uid, int Gid)? Lookup(string user)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var f = line.Split(':');
                if (f.Length < 4) continue;
                if (f[0] == user || f[2] == user)
                    return (f[0], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is IOException or FormatException) { }
        return null;
    }
}
