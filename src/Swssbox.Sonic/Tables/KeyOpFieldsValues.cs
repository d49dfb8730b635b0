namespace Swssbox.Sonic.Tables;

/// <summary>swss-common's operation names.</summary>
public enum TableOp
{
    /// <summary>"SET": create or update the key with the given fields.</summary>
    Set,

    /// <summary>"DEL": remove the key.</summary>
    Del,
}

/// <summary>One field and its value, in the order Redis returned or the producer gave them.</summary>
public readonly record struct FieldValue(string Field, string Value);

/// <summary>One update as a consumer sees it (swss-common KeyOpFieldsValuesTuple).</summary>
public sealed record KeyOpFieldsValues(string Key, TableOp Op, IReadOnlyList<FieldValue> Fields)
{
    /// <summary>The value of <paramref name="field"/>, or null.</summary>
    public string? Get(string field)
    {
        foreach (var fv in Fields)
        {
            if (fv.Field == field)
                return fv.Value;
        }
        return null;
    }
}
