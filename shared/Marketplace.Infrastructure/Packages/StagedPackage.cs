namespace Marketplace.Infrastructure.Packages;

/// <summary>A package stored in the staging container under its content hash.</summary>
/// <param name="ContentHash">Lowercase hex SHA-256 of the bytes.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="BlobName">Its blob name in the staging container.</param>
public sealed record StagedPackage(string ContentHash, long Size, string BlobName);
