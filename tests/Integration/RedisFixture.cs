using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration;

/// <summary>One private redis-server shared by a test class; tests use their own table names.</summary>
public sealed class RedisFixture : IDisposable
{
    /// <summary>The server.</summary>
    public RedisServer Server { get; } = new();

    /// <inheritdoc />
    public void Dispose() => Server.Dispose();
}
