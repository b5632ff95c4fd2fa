using Marketplace.Domain.Installation;

namespace Marketplace.Infrastructure.Installation;

/// <summary>What one installation applies to a target.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="TargetId">The target.</param>
/// <param name="InstallationId">The installation (the journal's key: retries with the same id resume safely).</param>
/// <param name="Assets">The asset versions to record as installed.</param>
/// <param name="Files">The files to write, in order.</param>
public sealed record TargetApplyRequest(
    string TenantId,
    string TargetId,
    string InstallationId,
    IReadOnlyList<AssetVersionRef> Assets,
    IReadOnlyList<TargetFileWrite> Files)
{
    /// <summary>Paths to delete after the writes (for example files an upgraded asset no longer ships).</summary>
    public IReadOnlyList<string> RemovedPaths { get; init; } = [];
}

/// <summary>One file to write into a target.</summary>
/// <param name="Path">Path relative to the package's <c>content/</c> folder.</param>
/// <param name="AssetId">The asset that ships it.</param>
/// <param name="Version">That asset's version.</param>
/// <param name="OpenAsync">Opens the new bytes (for example <c>PackageContentEntry.OpenAsync</c>); called once per attempt.</param>
public sealed record TargetFileWrite(string Path, string AssetId, string Version, Func<CancellationToken, ValueTask<Stream>> OpenAsync);
