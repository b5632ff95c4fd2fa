using Marketplace.Infrastructure.Storage;

namespace Marketplace.Infrastructure.Installation;

/// <summary>Tables and the container installation uses; startup creates them.</summary>
public static class InstallationStorageNames
{
    /// <summary>Targets: PK tenant id, RK target id.</summary>
    public const string TargetsTable = "Targets";

    /// <summary>Installed assets: PK <c>{tenantId}|{targetId}</c>, RK asset id.</summary>
    public const string InstalledAssetsTable = "InstalledAssets";

    /// <summary>Installed artifacts (files): PK <c>{tenantId}|{targetId}</c>, RK SHA-256 of the path.</summary>
    public const string InstalledArtifactsTable = "InstalledArtifacts";

    /// <summary>Entitlements: PK tenant id, RK asset id.</summary>
    public const string EntitlementsTable = "Entitlements";

    /// <summary>Rollback journal: PK <c>{tenantId}|{targetId}|{installationId}</c>, RK <c>summary</c>, <c>file-{pathHash}</c> or <c>asset-{assetId}</c>.</summary>
    public const string RollbackJournalTable = "RollbackJournal";

    /// <summary>Target files (<c>{tenantId}/{targetId}/files/{path}</c>) and saved prior bytes (<c>{tenantId}/{targetId}/rollback/{installationId}/{pathHash}</c>).</summary>
    public const string TargetsContainer = StorageNames.TargetsContainer;

    /// <summary>Every table above, for the storage initializer.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [TargetsTable, InstalledAssetsTable, InstalledArtifactsTable, EntitlementsTable, RollbackJournalTable];
}
