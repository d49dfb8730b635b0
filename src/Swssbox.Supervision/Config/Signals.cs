namespace Swssbox.Supervision.Config;

/// <summary>Signal names and numbers (Linux x86_64/aarch64 numbering), as Python's signal module spells them.</summary>
public static class Signals
{
    private static readonly (string Name, int Number)[] Table =
    [
        ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5), ("SIGABRT", 6), ("SIGIOT", 6),
        ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9), ("SIGUSR1", 10), ("SIGSEGV", 11), ("SIGUSR2", 12),
        ("SIGPIPE", 13), ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16), ("SIGCHLD", 17), ("SIGCONT", 18),
        ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21), ("SIGTTOU", 22), ("SIGURG", 23), ("SIGXCPU", 24),
        ("SIGXFSZ", 25), ("SIGVTALRM", 26), ("SIGPROF", 27), ("SIGWINCH", 28), ("SIGIO", 29), ("SIGPOLL", 29),
        ("SIGPWR", 30), ("SIGSYS", 31), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
    ];

    /// <summary>SIGTERM.</summary>
    public const int Term = 15;
    /// <summary>SIGKILL.</summary>
    public const int Kill = 9;

    /// <summary>signal_number(): a number, or a name with or without "SIG".</summary>
    public static int Parse(string value)
    {
        string s = value.Trim();
        if (int.TryParse(s, out int n))
        {
            if (n < 1 || n > 64)
                throw new FormatException($"value {Expansion.PyRepr(value)} is not a valid signal number");
            return n;
        }
        string name = s.ToUpperInvariant();
        if (!name.StartsWith("SIG"))
            name = "SIG" + name;
        foreach (var (nm, num) in Table)
            if (nm == name)
                return num;
        throw new FormatException($"value {Expansion.PyRepr(value)} is not a valid signal name");
    }

    /// <summary>The first name for <paramref name="number"/> ("SIGTERM"), or "signal N".</summary>
    public static string Name(int number)
    {
        foreach (var (nm, num) in Table)
            if (num == number)
                return nm;
        return $"signal {number}";
    }
}
