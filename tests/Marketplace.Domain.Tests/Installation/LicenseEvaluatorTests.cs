using Marketplace.Domain.Installation;
using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Tests.Installation;

public sealed class LicenseEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly LicenseSubject Free = new("contoso.logging", "2.0.0", AssetPricing.Free);
    private static readonly LicenseSubject Paid = new("contoso.premium", "1.0.0", AssetPricing.Paid);

    private static EntitlementRecord Entitlement(string tenantId, string assetId, DateTimeOffset? expiresAt) =>
        new(tenantId, assetId, expiresAt, Now.AddDays(-30), "billing");

    [Fact]
    public void Evaluate_OnlyFreeAssets_IsLicensedWithoutGrants()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Free], [], Now);

        Assert.True(verdict.Licensed);
        Assert.Empty(verdict.Grants);
    }

    [Fact]
    public void Evaluate_PaidWithoutEntitlement_ReportsMissingNamingAsset()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Free, Paid], [], Now);

        var finding = Assert.Single(verdict.Findings);
        Assert.False(verdict.Licensed);
        Assert.Equal(InstallationFindingCodes.LicenseMissing, finding.Code);
        Assert.Contains("contoso.premium", finding.Message, StringComparison.Ordinal);
        Assert.Empty(verdict.Grants);
    }

    [Fact]
    public void Evaluate_PaidWithExpiredEntitlement_ReportsExpired()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Paid], [Entitlement("tenant-a", "contoso.premium", Now.AddDays(-1))], Now);

        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(InstallationFindingCodes.LicenseExpired, finding.Code);
        Assert.Contains("contoso.premium", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EntitlementExpiringExactlyNow_ReportsExpired()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Paid], [Entitlement("tenant-a", "contoso.premium", Now)], Now);

        Assert.Equal(InstallationFindingCodes.LicenseExpired, Assert.Single(verdict.Findings).Code);
    }

    [Fact]
    public void Evaluate_PaidWithLiveEntitlement_ReturnsGrant()
    {
        var expires = Now.AddDays(10);
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Free, Paid], [Entitlement("tenant-a", "contoso.premium", expires)], Now);

        Assert.True(verdict.Licensed);
        Assert.Equal(new LicenseGrant("contoso.premium", "1.0.0", Now.AddDays(-30), expires), Assert.Single(verdict.Grants));
    }

    [Fact]
    public void Evaluate_EntitlementWithoutExpiry_ReturnsGrant()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Paid], [Entitlement("tenant-a", "contoso.premium", null)], Now);

        Assert.True(verdict.Licensed);
        Assert.Null(Assert.Single(verdict.Grants).EntitlementExpiresAt);
    }

    [Fact]
    public void Evaluate_EntitlementOfAnotherTenant_ReportsMissing()
    {
        var verdict = LicenseEvaluator.Evaluate("tenant-a", [Paid], [Entitlement("tenant-b", "contoso.premium", null)], Now);

        Assert.Equal(InstallationFindingCodes.LicenseMissing, Assert.Single(verdict.Findings).Code);
    }
}
