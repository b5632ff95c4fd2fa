using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Installation;

/// <summary>One asset version of a resolved set, with its pricing.</summary>
/// <param name="AssetId">The asset id.</param>
/// <param name="Version">The resolved version.</param>
/// <param name="Pricing">Whether installing it needs an entitlement.</param>
public sealed record LicenseSubject(string AssetId, string Version, AssetPricing Pricing);
