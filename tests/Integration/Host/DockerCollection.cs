using Swssbox.Tests.Integration.Fixtures;

namespace Swssbox.Tests.Integration.Host;

/// <summary>One test image and one private Redis for every test that uses the Docker engine.</summary>
public sealed class DockerFixture : IDisposable
{
    /// <summary>The loaded test image.</summary>
    public TestImage Image { get; } = new();

    /// <summary>A private redis-server.</summary>
    public RedisServer Redis { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
        Image.Dispose();
        Redis.Dispose();
    }
}

/// <summary>Tests that share the engine run one at a time.</summary>
[CollectionDefinition("docker")]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>;
