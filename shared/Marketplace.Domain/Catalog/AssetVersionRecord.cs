namespace Marketplace.Domain.Catalog;

/// <summary>The states of a version in the catalogue.</summary>
public static class VersionStates
{
    /// <summary>Claimed by a publication in flight: other bytes for this version are refused (409).</summary>
    public const string Claimed = "Claimed";

    /// <summary>Recorded by a publication that has not finished; not visible to installs or search.</summary>
    public const string Releasing = "Releasing";

    /// <summary>Signed, released, downloadable and installable.</summary>
    public const string Available = "Available";
}

/// <summary>One released (or releasing) version of an asset.</summary>
/// <param name="AssetId">The asset.</param>
/// <param name="Version">SemVer version.</param>
/// <param name="State">See <see cref="VersionStates"/>.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the package bytes.</param>
/// <param name="Size">Package size in bytes.</param>
/// <param name="ManifestJson">The manifest as published (camelCase JSON).</param>
/// <param name="Signature">Base64 ES256 signature over the content hash.</param>
/// <param name="SigningKeyId">The key version that signed it.</param>
/// <param name="PublicationId">The publication that released it.</param>
/// <param name="ReleasedAt">When it became available (null while releasing).</param>
public sealed record AssetVersionRecord(
    string AssetId,
    string Version,
    string State,
    string ContentHash,
    long Size,
    string? ManifestJson,
    string? Signature,
    string? SigningKeyId,
    string PublicationId,
    DateTimeOffset? ReleasedAt);
