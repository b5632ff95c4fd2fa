namespace Marketplace.Domain.Installation;

/// <summary>A tenant's right to install a paid asset (one row per asset id and tenant).</summary>
/// <param name="TenantId">The entitled tenant.</param>
/// <param name="AssetId">The paid asset.</param>
/// <param name="ExpiresAt">When the entitlement stops being live; <see langword="null"/> means never.</param>
/// <param name="GrantedAt">When it was granted (or last renewed).</param>
/// <param name="GrantedBy">Who granted it (the billing principal).</param>
public sealed record EntitlementRecord(
    string TenantId,
    string AssetId,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset GrantedAt,
    string GrantedBy)
{
    /// <summary>True when the entitlement has no expiry or expires strictly after <paramref name="at"/>.</summary>
    public bool IsLive(DateTimeOffset at) => this.ExpiresAt is null || at < this.ExpiresAt.Value;
}
