using Marketplace.Domain.Findings;
using Marketplace.Domain.Packaging;
using Codes = Marketplace.Domain.Installation.InstallationFindingCodes;

namespace Marketplace.Domain.Installation;

/// <summary>Checks that a tenant holds a live entitlement for every paid asset of a resolved set. Pure.</summary>
public static class LicenseEvaluator
{
    /// <summary>
    /// Returns a finding per paid asset without a live entitlement of <paramref name="tenantId"/> at <paramref name="at"/>,
    /// or, when there is none, the grants to record. Entitlements of other tenants are ignored.
    /// </summary>
    public static LicenseVerdict Evaluate(
        string tenantId, IReadOnlyList<LicenseSubject> resolved, IReadOnlyList<EntitlementRecord> entitlements, DateTimeOffset at)
    {
        var byAsset = entitlements
            .Where(e => e.TenantId == tenantId)
            .GroupBy(e => e.AssetId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.ExpiresAt ?? DateTimeOffset.MaxValue).First(), StringComparer.Ordinal);

        var findings = new List<Finding>();
        var grants = new List<LicenseGrant>();
        foreach (var subject in resolved.Where(s => s.Pricing == AssetPricing.Paid))
        {
            if (!byAsset.TryGetValue(subject.AssetId, out var entitlement))
            {
                findings.Add(Finding.Error(Codes.LicenseMissing, null,
                    $"{subject.AssetId}@{subject.Version} is paid: tenant {tenantId} needs an entitlement for {subject.AssetId}."));
            }
            else if (!entitlement.IsLive(at))
            {
                findings.Add(Finding.Error(Codes.LicenseExpired, null,
                    $"{subject.AssetId}@{subject.Version} is paid: tenant {tenantId}'s entitlement for {subject.AssetId} expired at {entitlement.ExpiresAt:O}; renew it."));
            }
            else
            {
                grants.Add(new LicenseGrant(subject.AssetId, subject.Version, entitlement.GrantedAt, entitlement.ExpiresAt));
            }
        }

        return findings.Count == 0 ? new LicenseVerdict([], grants) : new LicenseVerdict(findings, []);
    }
}
