namespace Marketplace.Domain.Installation;

/// <summary>An asset version installed in a target (one row per asset id and target).</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="TargetId">The target it is installed in.</param>
/// <param name="AssetId">The installed asset.</param>
/// <param name="Version">The installed version.</param>
/// <param name="InstallationId">The installation that installed this version.</param>
/// <param name="InstalledAt">When it was recorded.</param>
public sealed record InstalledAssetRecord(
    string TenantId,
    string TargetId,
    string AssetId,
    string Version,
    string InstallationId,
    DateTimeOffset InstalledAt);
