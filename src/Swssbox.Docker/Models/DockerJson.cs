using System.Text.Json.Serialization;

namespace Swssbox.Docker.Models;

/// <summary>Source-generated JSON metadata for every body the client sends or reads (no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ContainerInspect))]
[JsonSerializable(typeof(CreateContainerRequest))]
[JsonSerializable(typeof(CreateContainerResponse))]
[JsonSerializable(typeof(WaitResponse))]
[JsonSerializable(typeof(ExecCreateRequest))]
[JsonSerializable(typeof(IdResponse))]
[JsonSerializable(typeof(ExecStartRequest))]
[JsonSerializable(typeof(ExecInspect))]
public sealed partial class DockerJson : JsonSerializerContext;

/// <summary>The engine's error body: {"message": "…"}.</summary>
public sealed class ErrorResponse
{
    /// <summary>The engine's text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>{"Id": "…"}.</summary>
public sealed class IdResponse
{
    /// <summary>The new object's id.</summary>
    public string Id { get; set; } = "";
}
