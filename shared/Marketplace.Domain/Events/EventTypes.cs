namespace Marketplace.Domain.Events;

/// <summary>The CloudEvents <c>type</c> of every event the marketplace emits: <c>marketplace.{entity}.{fact}</c>.</summary>
public static class EventTypes
{
    /// <summary>A package's quality scan finished (findings attached).</summary>
    public const string AssetQualityScanned = "marketplace.asset.quality-scanned";

    /// <summary>A version was signed and written to the released store.</summary>
    public const string AssetVersionReleased = "marketplace.asset.version-released";

    /// <summary>A version became <c>Available</c> in the catalogue.</summary>
    public const string AssetPublished = "marketplace.asset.published";

    /// <summary>A version was written to the search index.</summary>
    public const string AssetIndexed = "marketplace.asset.indexed";

    /// <summary>A publication ended <c>Rejected</c> (findings, policy or reviewer).</summary>
    public const string PublicationRejected = "marketplace.publication.rejected";

    /// <summary>An installation's compatibility verdict against the target.</summary>
    public const string CompatibilityEvaluated = "marketplace.installation.compatibility-evaluated";

    /// <summary>An installation's dependency graph was resolved.</summary>
    public const string DependenciesResolved = "marketplace.installation.dependencies-resolved";

    /// <summary>An installation's dependencies could not be resolved together.</summary>
    public const string DependencyConflictDetected = "marketplace.installation.dependency-conflict-detected";

    /// <summary>A tenant's entitlement to an asset was confirmed for an installation.</summary>
    public const string LicenseGranted = "marketplace.license.granted";

    /// <summary>An installation completed: the target holds the resolved assets.</summary>
    public const string AssetInstalled = "marketplace.asset.installed";

    /// <summary>An installation ended <c>Failed</c> or <c>RolledBack</c>.</summary>
    public const string AssetInstallationFailed = "marketplace.asset.installation-failed";

    /// <summary>A failure threshold was crossed and governance acted (or was told).</summary>
    public const string GovernanceSignalRaised = "marketplace.governance.signal-raised";

    /// <summary>The seed's event names mapped to their CloudEvents types.</summary>
    public static IReadOnlyDictionary<string, string> BySeedName { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(AssetQualityScanned)] = AssetQualityScanned,
        [nameof(AssetVersionReleased)] = AssetVersionReleased,
        [nameof(AssetPublished)] = AssetPublished,
        [nameof(AssetIndexed)] = AssetIndexed,
        [nameof(PublicationRejected)] = PublicationRejected,
        [nameof(CompatibilityEvaluated)] = CompatibilityEvaluated,
        [nameof(DependenciesResolved)] = DependenciesResolved,
        [nameof(DependencyConflictDetected)] = DependencyConflictDetected,
        [nameof(LicenseGranted)] = LicenseGranted,
        [nameof(AssetInstalled)] = AssetInstalled,
        [nameof(AssetInstallationFailed)] = AssetInstallationFailed,
        [nameof(GovernanceSignalRaised)] = GovernanceSignalRaised,
    };

    /// <summary>All event types.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(BySeedName.Values, StringComparer.Ordinal);
}
