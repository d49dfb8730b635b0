namespace Swssbox.Docker.Models;

/// <summary>POST /containers/{id}/wait answer: {"StatusCode": 7, "Error": null | {"Message": "…"}}.</summary>
public sealed class WaitResponse
{
    /// <summary>The container's exit code.</summary>
    public long StatusCode { get; set; }

    /// <summary>Set when waiting itself failed.</summary>
    public WaitError? Error { get; set; }
}

/// <summary>The wait error object.</summary>
public sealed class WaitError
{
    /// <summary>Its text.</summary>
    public string? Message { get; set; }
}
