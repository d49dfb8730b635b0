namespace Swssbox.Sonic.Tables;

/// <summary>
/// Every Redis key name derived from a table name, in one place (sonic-swss-common common/table.h, TableName_KeySet).
/// For table T on DB n with separator s: hash "T s key", staging hash "_T s key", "T_KEY_SET", "T_DEL_SET",
/// channel "T_CHANNEL@n".
/// </summary>
public readonly record struct TableName(string Name, string Separator, int DbId)
{
    /// <summary>The prefix of every entry's hash: "T" + separator.</summary>
    public string Prefix => Name + Separator;

    /// <summary>The hash that holds <paramref name="key"/>.</summary>
    public string KeyName(string key) => Name + Separator + key;

    /// <summary>The staging hash a producer fills and the consumer drains ("_" + KeyName).</summary>
    public string StagingKeyName(string key) => StagingPrefix + KeyName(key);

    /// <summary>swss-common's getStateHashPrefix().</summary>
    public const string StagingPrefix = "_";

    /// <summary>Set of keys with pending updates.</summary>
    public string KeySet => Name + "_KEY_SET";

    /// <summary>Set of keys whose pending update starts with a delete.</summary>
    public string DelSet => Name + "_DEL_SET";

    /// <summary>Notification channel (with the DB id since swss-common #578).</summary>
    public string Channel => Name + "_CHANNEL@" + DbId;

    /// <summary>swss-common's SWSS_TABLE_UPDATE_NOTIFICATION payload.</summary>
    public const string Notification = "G";
}
