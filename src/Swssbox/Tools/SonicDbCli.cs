using System.Text;
using StackExchange.Redis;
using Swssbox.Sonic;
using Swssbox.Sonic.Config;
using Swssbox.Sonic.Connection;

namespace Swssbox;

/// <summary>
/// sonic-db-cli (sonic-swss-common sonic-db-cli/): runs one Redis command on a DB named in database_config.json,
/// or PING/SAVE/FLUSHALL on every instance. Output mimics redis-cli's non-tty mode as SONiC's does.
/// </summary>
public static class SonicDbCli
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("sonic-db-cli", "run a Redis command on a SONiC database by name (sonic-db-cli)", Usage, Run);

    private const string Usage =
        "usage: sonic-db-cli [-h] [-s] [-n NAMESPACE] db_or_op [cmd [cmd ...]]\n" +
        "\n" +
        "SONiC DB CLI:\n" +
        "\n" +
        "positional arguments:\n" +
        "  db_or_op              Database name Or Unary operation(only PING/SAVE/FLUSHALL supported)\n" +
        "  cmd                   Command to execute in database\n" +
        "\n" +
        "optional arguments:\n" +
        "  -h, --help            show this help message and exit\n" +
        "  -s, --unixsocket      Override use of tcp_port and use unixsocket\n" +
        "  -n NAMESPACE, --namespace NAMESPACE\n" +
        "                        Namespace string to use asic0/asic1.../asicn\n";

    private static int Run(ToolContext context, string[] args)
    {
        bool unix = false;
        string? target = null;
        var command = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (target is not null)
            {
                command.Add(a);
                continue;
            }
            switch (a)
            {
                case "-h" or "--help":
                    context.Out.Write(Usage);
                    return 0;
                case "-s" or "--unixsocket":
                    unix = true;
                    break;
                case "-n" or "--namespace":
                    if (++i >= args.Length)
                        return UsageError(context, "namespace value is missing.");
                    if (args[i].Length > 0)
                        return context.Fail("namespaces other than the default are not supported");
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1)
                        return UsageError(context, "Unknown argument:" + a);
                    target = a;
                    break;
            }
        }
        if (target is null)
        {
            context.Out.Write(Usage);
            return 0;
        }

        var config = DatabaseConfig.FromEnvironment();
        if (command.Count == 0)
        {
            if (target is not ("PING" or "SAVE" or "FLUSHALL"))
            {
                context.Out.Write(Usage);
                return 0;
            }
            return AllInstances(context, config, target, !unix);
        }
        using var db = DbConnector.Open(config, target, tcp: !unix, retry: RetryPolicy.Brief, clientName: "sonic-db-cli");
        object[] rest = command.Skip(1).Cast<object>().ToArray();
        RedisResult reply;
        try
        {
            reply = db.Run(command[0], d => d.Execute(command[0], rest));
        }
        catch (RedisReplyException e)
        {
            // redis-cli prints server errors as "(error) …" on a tty and plainly otherwise; SONiC's prints the text.
            context.Out.WriteLine(e.InnerException?.Message ?? e.Message);
            return 1;
        }
        context.Out.WriteLine(Format(reply, command[0].ToUpperInvariant()));
        return 0;
    }

    private static int AllInstances(ToolContext context, DatabaseConfig config, string operation, bool tcp)
    {
        bool failed = false;
        // One connection per instance, through the first DB that lives on it.
        foreach (var db in config.Databases.GroupBy(d => d.Instance).Select(g => g.First()))
        {
            try
            {
                using var connector = DbConnector.Open(config, db.Name, tcp, RetryPolicy.Brief, "sonic-db-cli");
                connector.Run(operation, d => d.Execute(operation));
            }
            catch (SonicDbException e)
            {
                context.Out.WriteLine(e.Message);
                failed = true;
            }
        }
        if (failed)
            return 1;
        context.Out.WriteLine(operation == "PING" ? "PONG" : "OK");
        return 0;
    }

    /// <summary>redis-cli's non-tty rendering; HGETALL as a Python dict, as SONiC scripts parse it.</summary>
    internal static string Format(RedisResult reply, string command)
    {
        if (reply.IsNull)
            return "";
        if (reply.Resp2Type != ResultType.Array)
            return reply.ToString() ?? "";
        var items = (RedisResult[])reply!;
        if (command == "HGETALL")
        {
            var sb = new StringBuilder("{");
            for (int i = 0; i + 1 < items.Length; i += 2)
            {
                if (i > 0)
                    sb.Append(", ");
                sb.Append(PythonRepr(items[i].ToString() ?? "")).Append(": ").Append(PythonRepr(items[i + 1].ToString() ?? ""));
            }
            return sb.Append('}').ToString();
        }
        return string.Join("\n", items.Select(i => Format(i, "")));
    }

    /// <summary>Python's repr() of a str, as the template engine writes it.</summary>
    public static string PythonRepr(string s) => Swssbox.Templates.Values.PyRepr.Repr(s);

    private static int UsageError(ToolContext context, string message)
    {
        context.Err.WriteLine("Command Line Error: " + message);
        context.Err.Write(Usage);
        return 2;
    }
}
