using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Installation;

/// <summary>One real Azurite for every installation storage test class.</summary>
[CollectionDefinition(Name)]
public sealed class InstallationStorageGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Installation storage";
}
