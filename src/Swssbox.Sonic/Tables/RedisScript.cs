using System.Reflection;
using StackExchange.Redis;
using Swssbox.Sonic.Connection;

namespace Swssbox.Sonic.Tables;

/// <summary>
/// A Lua script shipped as an embedded resource, run with EVALSHA as swss-common does. Redis computes the SHA1
/// (SCRIPT LOAD), so nothing here needs a crypto library that a static binary cannot load; a NOSCRIPT reply
/// (Redis restarted and lost its script cache) loads it again.
/// </summary>
internal sealed class RedisScript
{
    private readonly string _name;
    private readonly string _text;
    private string? _sha;

    private RedisScript(string name, string text)
    {
        _name = name;
        _text = text;
    }

    public static readonly RedisScript ProducerSet = Load("producer_set.lua");
    public static readonly RedisScript ProducerDel = Load("producer_del.lua");
    public static readonly RedisScript ProducerBatchedSet = Load("producer_batched_set.lua");
    public static readonly RedisScript ConsumerPops = Load("consumer_state_table_pops.lua");

    private static RedisScript Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded script {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return new RedisScript(name, reader.ReadToEnd());
    }

    /// <summary>Runs the script once (no retry); the caller wraps it in <see cref="RedisRetry"/>.</summary>
    public RedisResult Evaluate(IDatabase db, IReadOnlyList<RedisKey> keys, IReadOnlyList<RedisValue> args)
    {
        string sha = _sha ??= LoadScript(db);
        try
        {
            return db.Execute("EVALSHA", Arguments(sha, keys, args));
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            _sha = LoadScript(db);
            return db.Execute("EVALSHA", Arguments(_sha, keys, args));
        }
    }

    /// <summary>Queues the script on the pipeline without waiting; used by buffered producers.</summary>
    public Task<RedisResult> EvaluateAsync(IDatabase db, IReadOnlyList<RedisKey> keys, IReadOnlyList<RedisValue> args)
    {
        string sha = _sha ??= LoadScript(db);
        return db.ExecuteAsync("EVALSHA", Arguments(sha, keys, args));
    }

    /// <summary>Forgets the SHA so the next call loads the script again.</summary>
    public void Forget() => _sha = null;

    private string LoadScript(IDatabase db) =>
        (string?)db.Execute("SCRIPT", "LOAD", _text) ?? throw new InvalidOperationException($"SCRIPT LOAD {_name} returned nothing");

    private static object[] Arguments(string sha, IReadOnlyList<RedisKey> keys, IReadOnlyList<RedisValue> args)
    {
        var all = new object[2 + keys.Count + args.Count];
        all[0] = sha;
        all[1] = keys.Count;
        for (int i = 0; i < keys.Count; i++)
            all[2 + i] = keys[i];
        for (int i = 0; i < args.Count; i++)
            all[2 + keys.Count + i] = args[i];
        return all;
    }
}
