namespace Marketplace.Infrastructure.Installation;

/// <summary>A file stored in a target.</summary>
/// <param name="Path">Path relative to the package's <c>content/</c> folder.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of its current bytes.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record TargetFileInfo(string Path, string Sha256, long Length);
