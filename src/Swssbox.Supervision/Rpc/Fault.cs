namespace Swssbox.Supervision.Rpc;

/// <summary>supervisor's fault codes (xmlrpc.py Faults).</summary>
public enum FaultCode
{
    UnknownMethod = 1, IncorrectParameters = 2, BadArguments = 3, SignatureUnsupported = 4, ShutdownState = 6,
    BadName = 10, BadSignal = 11, NoFile = 20, NotExecutable = 21, Failed = 30, AbnormalTermination = 40,
    SpawnError = 50, AlreadyStarted = 60, NotRunning = 70, Success = 80, AlreadyAdded = 90, StillRunning = 91,
    CantReread = 92,
}

/// <summary>An XML-RPC fault: faultString is "NAME: extra" (or "NAME") as supervisor's RPCError builds it.</summary>
public sealed class RpcFault(FaultCode code, string? extra = null) : Exception(Compose(code, extra))
{
    /// <summary>The numeric code.</summary>
    public FaultCode Code { get; } = code;

    /// <summary>"BAD_NAME", "SPAWN_ERROR"…</summary>
    public static string Name(FaultCode code) => code switch
    {
        FaultCode.UnknownMethod => "UNKNOWN_METHOD", FaultCode.IncorrectParameters => "INCORRECT_PARAMETERS",
        FaultCode.BadArguments => "BAD_ARGUMENTS", FaultCode.SignatureUnsupported => "SIGNATURE_UNSUPPORTED",
        FaultCode.ShutdownState => "SHUTDOWN_STATE", FaultCode.BadName => "BAD_NAME", FaultCode.BadSignal => "BAD_SIGNAL",
        FaultCode.NoFile => "NO_FILE", FaultCode.NotExecutable => "NOT_EXECUTABLE", FaultCode.Failed => "FAILED",
        FaultCode.AbnormalTermination => "ABNORMAL_TERMINATION", FaultCode.SpawnError => "SPAWN_ERROR",
        FaultCode.AlreadyStarted => "ALREADY_STARTED", FaultCode.NotRunning => "NOT_RUNNING", FaultCode.Success => "SUCCESS",
        FaultCode.AlreadyAdded => "ALREADY_ADDED", FaultCode.StillRunning => "STILL_RUNNING", FaultCode.CantReread => "CANT_REREAD",
        _ => "UNKNOWN",
    };

    private static string Compose(FaultCode code, string? extra) => extra is null ? Name(code) : $"{Name(code)}: {extra}";
}
