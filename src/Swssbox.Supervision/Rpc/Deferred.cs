namespace Swssbox.Supervision.Rpc;

/// <summary>
/// A result not ready yet (supervisor's NOT_DONE_YET callbacks, e.g. startProcess waiting for RUNNING): polled on
/// every loop pass until it returns something other than <see cref="NotDoneYet"/> or throws a fault.
/// </summary>
public sealed class Deferred(Func<object?> poll)
{
    /// <summary>The "keep waiting" marker.</summary>
    public static readonly object NotDoneYet = new();

    /// <summary>Polls once.</summary>
    public object? Poll() => poll();
}
