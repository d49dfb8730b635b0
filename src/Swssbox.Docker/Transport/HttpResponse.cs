namespace Swssbox.Docker.Transport;

/// <summary>A complete HTTP response (for hijacked streams the body is empty and the connection carries the stream).</summary>
public sealed class HttpResponse(int status, string reason, Dictionary<string, string> headers, byte[] body)
{
    /// <summary>Status code.</summary>
    public int Status { get; } = status;

    /// <summary>Reason phrase.</summary>
    public string Reason { get; } = reason;

    /// <summary>Headers by case-insensitive name (a repeated header keeps its last value).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>The body, de-chunked.</summary>
    public byte[] Body { get; } = body;

    /// <summary>A header's value or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>2xx or 304 (the engine's "already started/stopped").</summary>
    public bool IsSuccess => Status is >= 200 and < 300;
}
