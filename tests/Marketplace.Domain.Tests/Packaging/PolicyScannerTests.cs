using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class PolicyScannerTests
{
    private readonly PolicyScanner _scanner = new();

    [Fact]
    public async Task ScanAsync_OwnAsset_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Valid()));
    }

    [Fact]
    public async Task ScanAsync_NoExpectedAssetId_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Valid(), Context(expectedAssetId: null)));
    }

    [Fact]
    public async Task ScanAsync_OtherUploader_ManifestPublisherMismatch()
    {
        var findings = await ScanAsync(_scanner, Valid(), Context(uploader: "fabrikam"));

        Assert.All(findings, f => Assert.Equal(FindingCodes.ManifestPublisherMismatch, f.Code));
        Assert.NotEmpty(findings);
    }

    [Fact]
    public async Task ScanAsync_IdPrefixOfAnotherPublisher_ManifestPublisherMismatch()
    {
        var manifest = ValidManifest();
        manifest["id"] = "fabrikam.http-api";

        var findings = await ScanAsync(_scanner, WithManifest(manifest), Context(expectedAssetId: "fabrikam.http-api"));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.ManifestPublisherMismatch, finding.Code);
        Assert.Contains("fabrikam.http-api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_UploadAddressedToOtherAsset_ManifestIdMismatch()
    {
        var findings = await ScanAsync(_scanner, Valid(), Context(expectedAssetId: "contoso.other"));

        Assert.Equal([FindingCodes.ManifestIdMismatch], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_KindNotAllowed_PolicyKindNotAllowed()
    {
        var context = Context() with { AllowedKinds = new HashSet<AssetKind> { AssetKind.Component } };

        var findings = await ScanAsync(_scanner, Valid(), context);

        Assert.Equal([FindingCodes.PolicyKindNotAllowed], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_KindAllowed_NoFindings()
    {
        var context = Context() with { AllowedKinds = new HashSet<AssetKind> { AssetKind.Template } };

        Assert.Empty(await ScanAsync(_scanner, Valid(), context));
    }

    [Theory]
    [InlineData("paid", true)]
    [InlineData("free", false)]
    public async Task ScanAsync_PaidAssetsForbidden_PolicyPaidNotAllowedOnlyForPaid(string pricing, bool rejected)
    {
        var manifest = ValidManifest();
        manifest["pricing"] = pricing;
        var context = Context() with { PaidAssetsAllowed = false };

        var findings = await ScanAsync(_scanner, WithManifest(manifest), context);

        Assert.Equal(rejected ? [FindingCodes.PolicyPaidNotAllowed] : [], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ManifestMissing_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Without("marketplace.json"), Context(uploader: "fabrikam")));
    }
}
