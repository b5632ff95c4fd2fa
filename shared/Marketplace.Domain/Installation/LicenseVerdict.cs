using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Installation;

/// <summary>The outcome of a licence check.</summary>
/// <param name="Findings"><c>license.missing</c> / <c>license.expired</c> errors; empty when licensed.</param>
/// <param name="Grants">For each paid asset, the entitlement that allows it; empty when any finding is present.</param>
public sealed record LicenseVerdict(IReadOnlyList<Finding> Findings, IReadOnlyList<LicenseGrant> Grants)
{
    /// <summary>True when every paid asset has a live entitlement.</summary>
    public bool Licensed => this.Findings.Count == 0;
}
