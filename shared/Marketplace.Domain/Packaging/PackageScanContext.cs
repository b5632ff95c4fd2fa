namespace Marketplace.Domain.Packaging;

/// <summary>What a scan needs to know besides the package bytes.</summary>
/// <param name="UploaderPublisherId">The publisher the uploader acts for.</param>
/// <param name="ExpectedAssetId">The asset id the upload was addressed to, when there is one.</param>
/// <param name="Limits">The hard limits to enforce while reading.</param>
public sealed record PackageScanContext(string UploaderPublisherId, string? ExpectedAssetId, PackageLimits Limits)
{
    /// <summary>Kinds this publisher may publish; <see langword="null"/> allows every kind.</summary>
    public IReadOnlySet<AssetKind>? AllowedKinds { get; init; }

    /// <summary>Whether this publisher may publish <c>paid</c> assets.</summary>
    public bool PaidAssetsAllowed { get; init; } = true;
}
