using System.Runtime.InteropServices;

namespace Swssbox.Native;

/// <summary>
/// posix_spawn(3) with a process group, a clean signal mask and default dispositions: the supervisor's only way to
/// start children. glibc's posix_spawn uses CLONE_VFORK and reports exec errors as its return value, so no fork()
/// runs managed code in a child (dotnet/runtime pal_process.c explains why that matters).
/// </summary>
public static unsafe partial class Libc
{
    private const int SpawnSetPgroup = 0x02, SpawnSetSigDef = 0x04, SpawnSetSigMask = 0x08;
    private const int SigSetBytes = 128;
    private const int SpawnAttrBytes = 512, FileActionsBytes = 256; // glibc: 336 and 80; room to spare
    private const int SIGPIPE = 13, SIGXFSZ = 25;

    /// <summary>One dup2 for the child: <paramref name="From"/> becomes <paramref name="To"/>.</summary>
    public readonly record struct FdMapping(int From, int To);

    /// <summary>
    /// Spawns <paramref name="path"/> in its own process group with an empty signal mask and every signal at its
    /// default except SIGPIPE and SIGXFSZ, which stay ignored (what CPython's supervisord leaves its children).
    /// Returns the pid, or throws <see cref="NativeCallException"/> with the errno of the failed spawn/exec.
    /// </summary>
    public static int Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> envp,
        IReadOnlyList<FdMapping> fds, string? directory)
    {
        byte* attr = (byte*)NativeMemory.AllocZeroed(SpawnAttrBytes);
        byte* actions = (byte*)NativeMemory.AllocZeroed(FileActionsBytes);
        byte* mask = stackalloc byte[SigSetBytes];
        byte* defaults = stackalloc byte[SigSetBytes];
        var strings = new List<nint>();
        try
        {
            SpawnCheck(posix_spawnattr_init(attr), "posix_spawnattr_init");
            SpawnCheck(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            new Span<byte>(mask, SigSetBytes).Clear();
            // Every signal to SIG_DFL but PIPE and XFSZ; written as bits because glibc's sigaddset refuses its
            // internal signals 32/33, which posix_spawn would otherwise leave ignored in the child.
            var def = new Span<byte>(defaults, SigSetBytes);
            def.Clear();
            for (int sig = 1; sig <= 64; sig++)
                if (sig != SIGPIPE && sig != SIGXFSZ)
                    def[(sig - 1) / 8] |= (byte)(1 << ((sig - 1) % 8));
            SpawnCheck(posix_spawnattr_setsigmask(attr, mask), "posix_spawnattr_setsigmask");
            SpawnCheck(posix_spawnattr_setsigdefault(attr, defaults), "posix_spawnattr_setsigdefault");
            SpawnCheck(posix_spawnattr_setpgroup(attr, 0), "posix_spawnattr_setpgroup");
            SpawnCheck(posix_spawnattr_setflags(attr, (short)(SpawnSetPgroup | SpawnSetSigDef | SpawnSetSigMask)), "posix_spawnattr_setflags");
            foreach (var m in fds)
                SpawnCheck(posix_spawn_file_actions_adddup2(actions, m.From, m.To), "posix_spawn_file_actions_adddup2");
            if (directory is not null)
            {
                nint dir = Marshal.StringToCoTaskMemUTF8(directory);
                strings.Add(dir);
                SpawnCheck(posix_spawn_file_actions_addchdir_np(actions, (byte*)dir), "posix_spawn_file_actions_addchdir_np");
            }
            nint* args = (nint*)NativeMemory.AllocZeroed((nuint)(argv.Count + 1), (nuint)sizeof(nint));
            nint* env = (nint*)NativeMemory.AllocZeroed((nuint)(envp.Count + 1), (nuint)sizeof(nint));
            try
            {
                for (int i = 0; i < argv.Count; i++) { args[i] = Marshal.StringToCoTaskMemUTF8(argv[i]); strings.Add(args[i]); }
                for (int i = 0; i < envp.Count; i++) { env[i] = Marshal.StringToCoTaskMemUTF8(envp[i]); strings.Add(env[i]); }
                nint file = Marshal.StringToCoTaskMemUTF8(path);
                strings.Add(file);
                int pid;
                int rc = posix_spawn(&pid, (byte*)file, actions, attr, args, env);
                if (rc != 0)
                    throw new NativeCallException("posix_spawn", path, rc);
                return pid;
            }
            finally
            {
                NativeMemory.Free(args);
                NativeMemory.Free(env);
            }
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
        }
    }

    /// <summary>execv(3) with the current environment; returns only on failure (the errno).</summary>
    public static int Exec(string path, IReadOnlyList<string> argv)
    {
        nint* args = (nint*)NativeMemory.AllocZeroed((nuint)(argv.Count + 1), (nuint)sizeof(nint));
        for (int i = 0; i < argv.Count; i++)
            args[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
        nint file = Marshal.StringToCoTaskMemUTF8(path);
        execv((byte*)file, args);
        return Marshal.GetLastPInvokeError();
    }

    [LibraryImport(LibraryNames.Libc, SetLastError = true)] private static partial int execv(byte* path, nint* argv);

    // posix_spawn* return the error number instead of setting errno.
    private static void SpawnCheck(int rc, string call)
    {
        if (rc != 0)
            throw new NativeCallException(call, null, rc);
    }

    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawn(int* pid, byte* path, byte* fileActions, byte* attr, nint* argv, nint* envp);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_init(byte* attr);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_destroy(byte* attr);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_setflags(byte* attr, short flags);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_setpgroup(byte* attr, int pgroup);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_setsigmask(byte* attr, byte* mask);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawnattr_setsigdefault(byte* attr, byte* set);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawn_file_actions_init(byte* actions);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawn_file_actions_destroy(byte* actions);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawn_file_actions_adddup2(byte* actions, int fd, int newfd);
    [LibraryImport(LibraryNames.Libc)] private static partial int posix_spawn_file_actions_addchdir_np(byte* actions, byte* path);
}
