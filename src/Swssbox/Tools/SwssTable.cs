using System.Diagnostics;
using System.Globalization;
using Serilog;
using Swssbox.Sonic.Connection;
using Swssbox.Sonic.Tables;

namespace Swssbox;

/// <summary>
/// swsstable: drives swss-common state tables from the shell — produce, delete, pop — and measures the protocol's
/// throughput. A debugging and benchmarking aid; SONiC has no single equivalent (its tests use swss-common's
/// Python bindings).
/// </summary>
public static class SwssTable
{
    /// <summary>Its entry in the tool table.</summary>
    public static Tool Tool { get; } = new("swsstable", "produce/pop swss-common state-table updates; protocol benchmark", Usage, Run);

    private const string Usage =
        "usage: swsstable [-d DB] [-s] set TABLE KEY FIELD=VALUE...\n" +
        "       swsstable [-d DB] [-s] del TABLE KEY\n" +
        "       swsstable [-d DB] [-s] pop TABLE [-w SECONDS]\n" +
        "       swsstable [-d DB] [-s] bench [-n KEYS] [-b BATCH]\n" +
        "\n" +
        "  -d DB     database name or number (default APPL_DB)\n" +
        "  -s        use the unix socket from database_config.json (default TCP)\n" +
        "  -w SECS   pop: wait up to SECS for an update (default 0)\n" +
        "  -n KEYS   bench: keys to produce and consume (default 10000)\n" +
        "  -b BATCH  bench: keys per batched-set script call (default 0: one call per key)\n" +
        "\n" +
        "pop prints one line per update: KEY OP [FIELD=VALUE...]\n" +
        "bench prints: keys=N seconds=S keys_per_second=R\n";

    private static int Run(ToolContext context, string[] args)
    {
        string database = "APPL_DB";
        bool unix = false;
        double wait = 0;
        int count = 10000;
        int batch = 0;
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-d": if (++i >= args.Length) return context.UsageError(Usage, "-d needs a value"); database = args[i]; break;
                case "-s": unix = true; break;
                case "-w":
                    if (++i >= args.Length || !double.TryParse(args[i], CultureInfo.InvariantCulture, out wait))
                        return context.UsageError(Usage, "-w needs a number of seconds");
                    break;
                case "-b":
                    if (++i >= args.Length || !int.TryParse(args[i], CultureInfo.InvariantCulture, out batch) || batch < 0)
                        return context.UsageError(Usage, "-b needs a count");
                    break;
                case "-n":
                    if (++i >= args.Length || !int.TryParse(args[i], CultureInfo.InvariantCulture, out count) || count <= 0)
                        return context.UsageError(Usage, "-n needs a positive count");
                    break;
                default:
                    if (args[i].StartsWith('-'))
                        return context.UsageError(Usage, $"unrecognized arguments: {args[i]}");
                    rest.Add(args[i]);
                    break;
            }
        }
        if (rest.Count == 0)
            return context.UsageError(Usage, "the following arguments are required: verb");

        using var log = context.CreateLogger();
        using var db = DbConnector.Open(database, tcp: !unix, retry: RetryPolicy.Brief, clientName: "swsstable");
        switch (rest[0])
        {
            case "set" when rest.Count >= 4:
                var fields = new List<FieldValue>();
                foreach (string pair in rest.Skip(3))
                {
                    int eq = pair.IndexOf('=');
                    if (eq <= 0)
                        return context.UsageError(Usage, $"expected FIELD=VALUE, found '{pair}'");
                    fields.Add(new FieldValue(pair[..eq], pair[(eq + 1)..]));
                }
                new ProducerStateTable(db, rest[1]).Set(rest[2], fields);
                log.Debug("set {Table} {Key} with {Count} fields", rest[1], rest[2], fields.Count);
                return 0;
            case "del" when rest.Count == 3:
                new ProducerStateTable(db, rest[1]).Del(rest[2]);
                log.Debug("del {Table} {Key}", rest[1], rest[2]);
                return 0;
            case "pop" when rest.Count == 2:
                return Pop(context, db, rest[1], TimeSpan.FromSeconds(wait));
            case "bench" when rest.Count == 1:
                return Bench(context, db, count, batch, log);
            default:
                return context.UsageError(Usage, $"bad verb or argument count: {string.Join(' ', rest)}");
        }
    }

    private static int Pop(ToolContext context, DbConnector db, string table, TimeSpan wait)
    {
        using var consumer = new ConsumerStateTable(db, table);
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var updates = consumer.PopAll();
            foreach (var u in updates)
            {
                string fields = string.Concat(u.Fields.Select(f => $" {f.Field}={f.Value}"));
                context.Out.WriteLine($"{u.Key} {(u.Op == TableOp.Set ? "SET" : "DEL")}{fields}");
            }
            long left = deadline - Stopwatch.GetTimestamp();
            if (updates.Count > 0 || left <= 0)
                return 0;
            consumer.WaitForData(TimeSpan.FromSeconds(Math.Min(1.0, (double)left / Stopwatch.Frequency)));
        }
    }

    /// <summary>Produces N keys (pipelined) on one connection while a consumer pops them on another; times both.</summary>
    private static int Bench(ToolContext context, DbConnector db, int count, int batch, ILogger log)
    {
        string table = "SWSSBOX_BENCH_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        using var consumerDb = db.OpenSibling(db.Info.Name);
        using var consumer = new ConsumerStateTable(consumerDb, table, popBatchSize: 1024);
        var producer = new ProducerStateTable(db, table, buffered: true);
        long start = Stopwatch.GetTimestamp();
        int consumed = 0;
        var consumerThread = new Thread(() =>
        {
            while (consumed < count)
            {
                var batch = consumer.Pops();
                if (batch.Count == 0)
                    consumer.WaitForData(TimeSpan.FromMilliseconds(100));
                consumed += batch.Count;
            }
        });
        consumerThread.Start();
        FieldValue[] fields = [new("admin_status", "up"), new("mtu", "9100"), new("speed", "100000")];
        var pending = new List<(string, IReadOnlyList<FieldValue>)>();
        for (int i = 0; i < count; i++)
        {
            string key = "Ethernet" + i.ToString(CultureInfo.InvariantCulture);
            if (batch == 0)
            {
                producer.Set(key, fields);
                continue;
            }
            pending.Add((key, fields));
            if (pending.Count == batch || i == count - 1)
            {
                producer.Set(pending);
                pending = new List<(string, IReadOnlyList<FieldValue>)>();
            }
        }
        producer.Flush();
        double produced = Stopwatch.GetElapsedTime(start).TotalSeconds;
        consumerThread.Join();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        db.Run("cleanup", d => d.Execute("EVAL", "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end", 0, table + "*"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"keys={count} produce_seconds={produced:F4} seconds={seconds:F4} keys_per_second={count / seconds:F0}"));
        log.Debug("bench {Count} keys in {Seconds:F3} s", count, seconds);
        return 0;
    }
}
