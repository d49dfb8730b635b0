using System.Reflection;
using Swssbox;

// swssbox: dispatch on the basename of argv[0] (a symlink such as "sonic-db-cli"), or on "swssbox TOOL ARGS…".
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
try
{
    return Dispatcher.Run(Environment.GetCommandLineArgs()[0], args, stdout, stderr);
}
finally
{
    try { stdout.Flush(); } catch (IOException) { /* stdout closed: nothing to do */ }
}

namespace Swssbox
{
    /// <summary>Chooses the tool and runs it; owns the binary's own flags (--list, --help, --version).</summary>
    public static class Dispatcher
    {
        /// <summary>The binary's version, from the assembly.</summary>
        public static string Version { get; } =
            typeof(Dispatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

        private const string Usage =
            "usage: swssbox TOOL [ARGS...]\n" +
            "       swssbox --list | --help | --version\n" +
            "or run a tool through a link named after it (e.g. sonic-db-cli -> swssbox).\n";

        /// <summary>Runs the tool named by <paramref name="argv0"/> or by the first argument.</summary>
        public static int Run(string argv0, string[] args, TextWriter stdout, TextWriter stderr)
        {
            string invoked = Path.GetFileName(argv0);
            if (Tools.Find(invoked) is { } direct)
                return RunTool(direct, args, stdout, stderr);

            if (args.Length == 0)
            {
                stderr.Write(Usage);
                return 2;
            }
            switch (args[0])
            {
                case "--list":
                    foreach (var tool in Tools.All)
                        stdout.WriteLine($"{tool.Name,-18} {tool.Summary}");
                    return 0;
                case "--help" or "-h":
                    stdout.Write(Usage);
                    stdout.WriteLine("\ntools:");
                    foreach (var tool in Tools.All)
                        stdout.WriteLine($"  {tool.Name,-18} {tool.Summary}");
                    return 0;
                case "--version":
                    stdout.WriteLine($"swssbox {Version}");
                    return 0;
            }
            if (Tools.Find(args[0]) is { } named)
                return RunTool(named, args[1..], stdout, stderr);
            stderr.WriteLine(args[0].StartsWith('-') ? $"swssbox: unknown option '{args[0]}'" : $"swssbox: unknown tool '{args[0]}'");
            stderr.Write(Usage);
            return 2;
        }

        private static int RunTool(Tool tool, string[] args, TextWriter stdout, TextWriter stderr)
        {
            var context = new ToolContext(tool.Name, stdout, stderr);
            if (args.Length == 1 && args[0] == "--help")
            {
                stdout.Write(tool.Usage);
                return 0;
            }
            if (args.Length == 1 && args[0] == "--version")
            {
                stdout.WriteLine($"{tool.Name} (swssbox) {Version}");
                return 0;
            }
            try
            {
                return tool.Main(context, args);
            }
            catch (Sonic.SonicDbException e)
            {
                return context.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return context.Fail(e.Message);
            }
        }
    }
}
