namespace Marketplace.Domain.Installation;

/// <summary>A file in a target and the installed asset that owns it (one row per path and target).</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="TargetId">The target the file is in.</param>
/// <param name="Path">The file's path, relative to the package's <c>content/</c> folder.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes that were applied.</param>
/// <param name="AssetId">The asset that owns the file.</param>
/// <param name="Version">The owning asset's version.</param>
/// <param name="InstallationId">The installation that applied the file.</param>
public sealed record InstalledArtifactRecord(
    string TenantId,
    string TargetId,
    string Path,
    string Sha256,
    string AssetId,
    string Version,
    string InstallationId);
