namespace Swssbox.Supervision.Events;

/// <summary>One event as listeners receive it: its type name and payload; serials are given when a pool accepts it.</summary>
public sealed class SupervisorEventRecord(string name, string payload)
{
    /// <summary>"PROCESS_STATE_RUNNING", "TICK_5"…</summary>
    public string Name { get; } = name;
    /// <summary>The payload text (its length in characters is the header's len:, as Python's len(str)).</summary>
    public string Payload { get; } = payload;
    /// <summary>Global serial, assigned by the first pool that accepts it (-1 before).</summary>
    public long Serial { get; set; } = -1;
    /// <summary>Serial per pool.</summary>
    public Dictionary<string, long> PoolSerials { get; } = new(StringComparer.Ordinal);

    private static readonly string[] Abstract = ["PROCESS_STATE", "TICK", "SUPERVISOR_STATE_CHANGE", "PROCESS_COMMUNICATION", "PROCESS_LOG", "PROCESS_GROUP"];

    /// <summary>True when a subscription to <paramref name="subscribed"/> covers this event (EVENT covers all; abstract types their subtypes).</summary>
    public bool Matches(string subscribed) =>
        subscribed == "EVENT" || subscribed == Name || (Abstract.Contains(subscribed) && Name.StartsWith(subscribed + "_", StringComparison.Ordinal));
}
