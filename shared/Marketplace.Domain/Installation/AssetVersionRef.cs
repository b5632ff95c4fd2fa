namespace Marketplace.Domain.Installation;

/// <summary>An asset id and one of its versions.</summary>
/// <param name="AssetId">The asset id.</param>
/// <param name="Version">The version.</param>
public sealed record AssetVersionRef(string AssetId, string Version);
