namespace Marketplace.Domain.Catalog;

/// <summary>The outcome of claiming a version for a publication.</summary>
public enum VersionClaimOutcome
{
    /// <summary>The version is now claimed by this publication (or already was).</summary>
    Claimed,

    /// <summary>Another publication with other bytes holds or released this version.</summary>
    Conflict,
}

/// <summary>The outcome of claiming a version, with the holder when it conflicts.</summary>
/// <param name="Outcome">Claimed or Conflict.</param>
/// <param name="Holder">The version row that holds it.</param>
public sealed record VersionClaimResult(VersionClaimOutcome Outcome, AssetVersionRecord? Holder);

/// <summary>
/// The catalogue: publishers, assets, versions (Table Storage in every environment). Every write is idempotent or
/// conditional, so a retried activity does no harm.
/// </summary>
public interface ICatalogStore
{
    /// <summary>A publisher, or null.</summary>
    Task<PublisherRecord?> GetPublisherAsync(string publisherId, CancellationToken cancellationToken = default);

    /// <summary>Registers or updates a publisher's name and tier; true when it was created.</summary>
    Task<(PublisherRecord Publisher, bool Created)> UpsertPublisherAsync(string publisherId, string displayName, string trustTier, CancellationToken cancellationToken = default);

    /// <summary>Suspends (reason set) or reinstates (reason null) a publisher; null when unknown.</summary>
    Task<PublisherRecord?> SetPublisherSuspensionAsync(string publisherId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>An asset, or null.</summary>
    Task<AssetRecord?> GetAssetAsync(string assetId, CancellationToken cancellationToken = default);

    /// <summary>Creates or refreshes an asset's descriptive fields (keeps its suspension).</summary>
    Task<AssetRecord> UpsertAssetAsync(AssetRecord asset, CancellationToken cancellationToken = default);

    /// <summary>Suspends (reason set) or reinstates (reason null) an asset; null when unknown.</summary>
    Task<AssetRecord?> SetAssetSuspensionAsync(string assetId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes an asset row that has no versions left (used by compensation).</summary>
    Task DeleteAssetIfEmptyAsync(string assetId, CancellationToken cancellationToken = default);

    /// <summary>One version row, or null.</summary>
    Task<AssetVersionRecord?> GetVersionAsync(string assetId, string version, CancellationToken cancellationToken = default);

    /// <summary>Every version row of an asset (any state).</summary>
    Task<IReadOnlyList<AssetVersionRecord>> ListVersionsAsync(string assetId, CancellationToken cancellationToken = default);

    /// <summary>Every Available version of every asset (for the resolver).</summary>
    Task<IReadOnlyList<AssetVersionRecord>> ListAvailableVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a version for a publication. Same publication or same bytes: claimed. A claim whose publication ended
    /// (<paramref name="isAbandoned"/> says so) is taken over. Otherwise: conflict.
    /// </summary>
    Task<VersionClaimResult> ClaimVersionAsync(
        string assetId, string version, string publicationId, string contentHash, long size,
        Func<AssetVersionRecord, Task<bool>> isAbandoned, CancellationToken cancellationToken = default);

    /// <summary>Updates a version row that this publication holds; false if it no longer holds it.</summary>
    Task<bool> UpdateVersionAsync(AssetVersionRecord version, CancellationToken cancellationToken = default);

    /// <summary>Removes a version row if (and only if) this publication holds it. Idempotent.</summary>
    Task ReleaseVersionClaimAsync(string assetId, string version, string publicationId, CancellationToken cancellationToken = default);
}
