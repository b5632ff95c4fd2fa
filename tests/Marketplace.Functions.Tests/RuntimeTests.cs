using Marketplace.Testing;

namespace Marketplace.Functions.Tests;

/// <summary>The test classes that share one Azurite and one local runtime.</summary>
[CollectionDefinition(Name)]
public sealed class RuntimeTests : ICollectionFixture<LocalRuntimeFixture>
{
    public const string Name = "runtime";
}
