namespace Marketplace.Domain.Installation;

/// <summary>A file an installation wrote into a target, before it is recorded as an <see cref="InstalledArtifactRecord"/>.</summary>
/// <param name="Path">Path relative to the package's <c>content/</c> folder.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes written.</param>
/// <param name="AssetId">The asset the file belongs to.</param>
/// <param name="Version">That asset's version.</param>
public sealed record AppliedFile(string Path, string Sha256, string AssetId, string Version);
