using System.Text.RegularExpressions;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Tests.Events;

public class EventTypesTests
{
    private static readonly string[] SeedNames =
    [
        "AssetQualityScanned", "AssetVersionReleased", "AssetPublished", "AssetIndexed", "PublicationRejected",
        "CompatibilityEvaluated", "DependenciesResolved", "DependencyConflictDetected", "LicenseGranted", "AssetInstalled",
        "AssetInstallationFailed", "GovernanceSignalRaised",
    ];

    [Fact]
    public void BySeedName_EverySeedEvent_HasAType()
    {
        Assert.Equal(SeedNames.Order(StringComparer.Ordinal), EventTypes.BySeedName.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_Types_AreUniqueAndInTheSpecStyle()
    {
        Assert.Equal(SeedNames.Length, EventTypes.All.Count);
        Assert.All(EventTypes.All.Concat(CommandTypes.All), type => Assert.Matches(new Regex("^marketplace\\.[a-z]+\\.[a-z]+(-[a-z]+)*$"), type));
    }

    [Fact]
    public void AssetVersionReleased_IsTheSpecExample()
    {
        Assert.Equal("marketplace.asset.version-released", EventTypes.AssetVersionReleased);
        Assert.Equal("marketplace.command.install-asset", CommandTypes.InstallAsset);
        Assert.Equal("marketplace.command.publish-asset", CommandTypes.PublishAsset);
    }
}
