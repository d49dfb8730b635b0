using System.Text.Json;

namespace Swssbox.Sonic.Config;

/// <summary>
/// SONiC's database_config.json (sonic-swss-common common/dbconnector.cpp SonicDBConfig): which Redis instance
/// serves each named DB, its number and its key separator.
/// </summary>
public sealed class DatabaseConfig
{
    /// <summary>Where SONiC keeps the file (SonicDBConfig::DEFAULT_SONIC_DB_CONFIG_FILE).</summary>
    public const string DefaultPath = "/var/run/redis/sonic-db/database_config.json";

    /// <summary>Our override of <see cref="DefaultPath"/> (swss-common has none; tests and local runs need one).</summary>
    public const string PathVariable = "SONIC_DB_CONFIG_FILE";

    private readonly Dictionary<string, DatabaseInfo> _databases;
    private readonly Dictionary<string, RedisInstance> _instances;

    /// <summary>Built from parsed parts; use <see cref="Load"/>, <see cref="Parse"/> or <see cref="Default"/>.</summary>
    public DatabaseConfig(IEnumerable<RedisInstance> instances, IEnumerable<DatabaseInfo> databases, string source)
    {
        _instances = instances.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _databases = databases.ToDictionary(d => d.Name, StringComparer.Ordinal);
        Source = source;
    }

    /// <summary>The file this came from, or "built-in default".</summary>
    public string Source { get; }

    /// <summary>All DBs, ordered by id then name.</summary>
    public IEnumerable<DatabaseInfo> Databases => _databases.Values.OrderBy(d => d.Id).ThenBy(d => d.Name, StringComparer.Ordinal);

    /// <summary>SONiC's single-ASIC layout, used when no file exists.</summary>
    public static DatabaseConfig Default { get; } = new(
        [new RedisInstance("redis", "/var/run/redis/redis.sock", "127.0.0.1", 6379)],
        [
            new("APPL_DB", 0, ":", "redis"),
            new("ASIC_DB", 1, ":", "redis"),
            new("COUNTERS_DB", 2, ":", "redis"),
            new("LOGLEVEL_DB", 3, ":", "redis"),
            new("CONFIG_DB", 4, "|", "redis"),
            new("PFC_WD_DB", 5, ":", "redis"),
            new("FLEX_COUNTER_DB", 5, ":", "redis"),
            new("STATE_DB", 6, "|", "redis"),
            new("SNMP_OVERLAY_DB", 7, "|", "redis"),
        ],
        "built-in default");

    /// <summary>
    /// The file named by SONIC_DB_CONFIG_FILE, else the SONiC default path; the built-in layout when neither exists.
    /// A file that exists but is broken is an error, never silently replaced by the default.
    /// </summary>
    public static DatabaseConfig FromEnvironment()
    {
        string? overridden = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridden))
            return Load(overridden);
        return File.Exists(DefaultPath) ? Load(DefaultPath) : Default;
    }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    public static DatabaseConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseConfigException(path, null, e.Message);
        }
        return Parse(text, path);
    }

    /// <summary>Parses the JSON text; <paramref name="source"/> names it in errors.</summary>
    public static DatabaseConfig Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new DatabaseConfigException(source, (int?)e.LineNumber + 1, FirstSentence(e.Message));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DatabaseConfigException(source, null, "expected a JSON object at the top");
            var instances = ReadInstances(Member(root, "INSTANCES", source), source);
            var databases = ReadDatabases(Member(root, "DATABASES", source), source);
            foreach (var db in databases)
            {
                if (!instances.Any(i => i.Name == db.Instance))
                    throw new DatabaseConfigException(source, null, $"DATABASES.{db.Name}: instance \"{db.Instance}\" is not in INSTANCES");
            }
            return new DatabaseConfig(instances, databases, source);
        }
    }

    /// <summary>The DB called <paramref name="name"/> (e.g. "APPL_DB").</summary>
    public DatabaseInfo Get(string name) =>
        _databases.TryGetValue(name, out var db)
            ? db
            : throw new DatabaseConfigException(Source, null, $"no database named \"{name}\" (known: {string.Join(", ", Databases.Select(d => d.Name))})");

    /// <summary>The first DB with number <paramref name="id"/>.</summary>
    public DatabaseInfo Get(int id) =>
        Databases.FirstOrDefault(d => d.Id == id)
            ?? throw new DatabaseConfigException(Source, null, $"no database with id {id}");

    /// <summary>Looks up a DB by name, or by number when <paramref name="nameOrId"/> is all digits.</summary>
    public DatabaseInfo Resolve(string nameOrId) =>
        int.TryParse(nameOrId, out int id) ? Get(id) : Get(nameOrId);

    /// <summary>The instance that serves <paramref name="db"/>.</summary>
    public RedisInstance InstanceOf(DatabaseInfo db) => _instances[db.Instance];

    private static JsonElement Member(JsonElement obj, string name, string source) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new DatabaseConfigException(source, null, $"missing object \"{name}\"");

    private static List<RedisInstance> ReadInstances(JsonElement element, string source)
    {
        var list = new List<RedisInstance>();
        foreach (var p in element.EnumerateObject())
        {
            string where = "INSTANCES." + p.Name;
            string? socket = p.Value.TryGetProperty("unix_socket_path", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            string host = p.Value.TryGetProperty("hostname", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "127.0.0.1";
            int port = p.Value.TryGetProperty("port", out var po) ? Int(po, where + ".port", source) : 6379;
            list.Add(new RedisInstance(p.Name, socket, host, port));
        }
        return list;
    }

    private static List<DatabaseInfo> ReadDatabases(JsonElement element, string source)
    {
        var list = new List<DatabaseInfo>();
        foreach (var p in element.EnumerateObject())
        {
            string where = "DATABASES." + p.Name;
            if (!p.Value.TryGetProperty("id", out var id))
                throw new DatabaseConfigException(source, null, where + ": missing \"id\"");
            string separator = p.Value.TryGetProperty("separator", out var sep) && sep.ValueKind == JsonValueKind.String ? sep.GetString()! : ":";
            string instance = p.Value.TryGetProperty("instance", out var inst) && inst.ValueKind == JsonValueKind.String ? inst.GetString()! : "redis";
            list.Add(new DatabaseInfo(p.Name, Int(id, where + ".id", source), separator, instance));
        }
        return list;
    }

    private static int Int(JsonElement e, string where, string source)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int n))
            return n;
        if (e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), out n))
            return n;
        throw new DatabaseConfigException(source, null, $"{where}: expected an integer, found {e.GetRawText()}");
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
