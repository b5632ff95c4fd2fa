namespace Marketplace.Domain.Installation;

/// <summary>A paid asset version that an installation may install, and the entitlement that allows it (to record).</summary>
/// <param name="AssetId">The paid asset.</param>
/// <param name="Version">The version being installed.</param>
/// <param name="EntitlementGrantedAt">When the entitlement used was granted.</param>
/// <param name="EntitlementExpiresAt">When that entitlement expires; <see langword="null"/> means never.</param>
public sealed record LicenseGrant(string AssetId, string Version, DateTimeOffset EntitlementGrantedAt, DateTimeOffset? EntitlementExpiresAt);
