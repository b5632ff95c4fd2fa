using System.Globalization;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Installation;
using Marketplace.Domain.Packaging;
using Marketplace.Functions.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>LicenseCheck: every paid asset to install needs a live entitlement of the tenant.</summary>
public sealed class CheckLicenses(ICatalogStore catalog, TableTargetStore targets, TimeProvider clock)
{
    /// <summary>Returns findings naming each asset and the entitlement it needs, or the grants as a note.</summary>
    [Function(nameof(CheckLicenses))]
    public async Task<CheckResult> RunAsync([ActivityTrigger] InstallationWork work, CancellationToken cancellationToken)
    {
        var subjects = new List<LicenseSubject>();
        foreach (var asset in work.ToInstall)
        {
            var row = await catalog.GetVersionAsync(asset.AssetId, asset.Version, cancellationToken)
                ?? throw new InvalidOperationException($"{asset.AssetId} {asset.Version} is not in the catalogue.");
            var pricing = CatalogVersion.From(row).Manifest.Pricing;
            subjects.Add(new LicenseSubject(asset.AssetId, asset.Version,
                string.Equals(pricing, "paid", StringComparison.OrdinalIgnoreCase) ? AssetPricing.Paid : AssetPricing.Free));
        }

        var entitlements = await targets.ListEntitlementsAsync(work.Request.TenantId, cancellationToken);
        var verdict = LicenseEvaluator.Evaluate(work.Request.TenantId, subjects, entitlements, clock.GetUtcNow());
        var note = verdict.Grants.Count == 0 ? "no paid assets"
            : "licensed: " + string.Join(", ", verdict.Grants.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.AssetId} {g.Version}")));
        return new CheckResult(verdict.Findings, note) { Grants = verdict.Grants };
    }
}
