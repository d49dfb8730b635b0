using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Swssbox.Docker.Models;
using Swssbox.Docker.Transport;

namespace Swssbox.Docker;

/// <summary>
/// The Docker Engine API over the engine's unix socket. The API version is negotiated once with /_ping (the
/// engine's Api-Version header) and every call goes to /v{version}/…; each endpoint lives in Endpoints/.
/// </summary>
public sealed partial class DockerClient(DockerEndpoint endpoint) : IDisposable
{
    /// <summary>The oldest engine API we speak (wait?condition=not-running needs 1.30).</summary>
    public static readonly Version MinimumApiVersion = new(1, 30);

    private HttpConnection? _connection;
    private string? _apiVersion;

    /// <summary>A client for DOCKER_HOST or the default socket.</summary>
    public DockerClient() : this(DockerEndpoint.FromEnvironment()) { }

    /// <summary>The engine's socket.</summary>
    public DockerEndpoint Endpoint { get; } = endpoint;

    /// <summary>The negotiated API version ("1.41"), pinging the engine on first use.</summary>
    public string ApiVersion => _apiVersion ??= Negotiate();

    /// <summary>Sends a versioned call and returns the response; an error status becomes a <see cref="DockerApiException"/>.</summary>
    internal HttpResponse Call(string method, string path, ReadOnlySpan<byte> body = default, string? contentType = null, params int[] alsoFine)
    {
        var response = Raw(method, $"/v{ApiVersion}{path}", body, contentType);
        if (response.IsSuccess || Array.IndexOf(alsoFine, response.Status) >= 0)
            return response;
        throw ApiError(method, path, response);
    }

    /// <summary>Sends a JSON body and decodes a JSON answer with source-generated metadata.</summary>
    internal TResult CallJson<TBody, TResult>(string method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var response = Call(method, path, json, "application/json");
        return Decode(method, path, response, resultType);
    }

    /// <summary>Decodes a JSON body; a malformed one is reported with the call.</summary>
    internal T Decode<T>(string method, string path, HttpResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new DockerUnavailableException(Endpoint.ToString(), $"{method} {path}: empty JSON answer");
        }
        catch (JsonException e)
        {
            throw new DockerUnavailableException(Endpoint.ToString(), $"{method} {path}: unexpected JSON: {e.Message}", e);
        }
    }

    /// <summary>A new connection for a hijacked stream (attach, exec start); the caller owns it.</summary>
    internal (HttpConnection Connection, HttpResponse Response) Hijack(string method, string path, ReadOnlySpan<byte> body, string? contentType)
    {
        string versioned = $"/v{ApiVersion}{path}";
        var connection = HttpConnection.Open(Endpoint);
        try
        {
            var response = connection.Exchange(method, versioned, body, contentType, hijack: true);
            if (response.Status is 101 or 200)
                return (connection, response);
            throw ApiError(method, path, response);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private HttpResponse Raw(string method, string target, ReadOnlySpan<byte> body, string? contentType)
    {
        // One retry on a fresh connection: the engine may have closed an idle keep-alive connection.
        for (int attempt = 0; ; attempt++)
        {
            bool fresh = _connection is null;
            _connection ??= HttpConnection.Open(Endpoint);
            try
            {
                var response = _connection.Exchange(method, target, body, contentType);
                if (!_connection.Reusable)
                    Drop();
                return response;
            }
            catch (DockerUnavailableException) when (!fresh && attempt == 0)
            {
                Drop();
            }
        }
    }

    private string Negotiate()
    {
        var response = Raw("GET", "/_ping", default, null);
        if (response.Status != 200)
            throw ApiError("GET", "/_ping", response);
        string? version = response.Header("Api-Version");
        if (version is null || !Version.TryParse(version, out var parsed))
            throw new DockerUnavailableException(Endpoint.ToString(), $"GET /_ping: no usable Api-Version header ('{version}')");
        if (parsed < MinimumApiVersion)
            throw new DockerUnavailableException(Endpoint.ToString(), $"engine API {version} is older than the {MinimumApiVersion} swssbox needs");
        return version;
    }

    private DockerApiException ApiError(string method, string path, HttpResponse response)
    {
        string message = Encoding.UTF8.GetString(response.Body).Trim();
        try
        {
            if (JsonSerializer.Deserialize(response.Body, DockerJson.Default.ErrorResponse) is { Message: { } m })
                message = m;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy, an old engine): keep the text.
        }
        if (message.Length == 0)
            message = response.Reason;
        int query = path.IndexOf('?');
        return new DockerApiException($"{method} {(query >= 0 ? path[..query] : path)}", response.Status, message);
    }

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Percent-encodes a path segment or query value.</summary>
    internal static string Escape(string s) => Uri.EscapeDataString(s);

    /// <inheritdoc />
    public void Dispose() => Drop();
}
