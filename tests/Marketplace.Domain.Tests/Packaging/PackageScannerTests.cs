using System.Text.Json;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class PackageScannerTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private readonly PackageScanner _scanner = new();

    [Fact]
    public void Scanners_Default_OnePerCategory()
    {
        Assert.Equal(Enum.GetValues<ScanCategory>(), _scanner.Scanners.Select(s => s.Category));
    }

    [Fact]
    public async Task ScanAsync_GoodPackage_NoErrorsAndManifest()
    {
        using var stream = new MemoryStream(Valid());

        var report = await _scanner.ScanAsync(stream, Context(), CancellationToken.None);

        Assert.False(report.HasErrors);
        Assert.Empty(report.Findings);
        Assert.Equal(AssetId, report.Manifest?.Id);
    }

    [Fact]
    public async Task ScanAsync_ProblemsInSeveralCategories_AllReportedWithErrors()
    {
        var manifest = ValidManifest();
        manifest["kind"] = "plugin";
        var files = ValidFiles(manifest);
        files["run.sh"] = "echo hi"u8.ToArray();
        files["content/leak.txt"] = System.Text.Encoding.ASCII.GetBytes("-----BEGIN " + "PRIVATE KEY-----");
        files.Remove("README.md");
        using var stream = new MemoryStream(Zip(files));

        var report = await _scanner.ScanAsync(stream, Context(uploader: "fabrikam"), CancellationToken.None);

        Assert.True(report.HasErrors);
        Assert.Null(report.Manifest);
        Assert.Equal(
            new[] { FindingCodes.EntryExecutableOutsideContent, FindingCodes.LayoutReadmeMissing, FindingCodes.ManifestKind, FindingCodes.ManifestPublisherMismatch, FindingCodes.SecretPrivateKey },
            report.Findings.Codes().Distinct().Order());
    }

    [Fact]
    public async Task ScanAsync_WarningsOnly_NoErrors()
    {
        using var stream = new MemoryStream(Without("LICENSE"));

        var report = await _scanner.ScanAsync(stream, Context(), CancellationToken.None);

        Assert.False(report.HasErrors);
        Assert.Equal([FindingCodes.LayoutLicenseMissing], report.Findings.Codes());
        Assert.NotNull(report.Manifest);
    }

    [Fact]
    public void Finding_Serialized_MatchesWireShape()
    {
        var json = JsonSerializer.Serialize(
            new[] { Finding.Error("entry.zip-slip", "../x", "bad"), Finding.Warning("layout.readme-missing", null, "none") },
            WebJson);

        Assert.Equal(
            """[{"code":"entry.zip-slip","severity":"error","path":"../x","message":"bad"},{"code":"layout.readme-missing","severity":"warning","message":"none"}]""",
            json);
    }

    [Fact]
    public void Finding_Deserialized_ReadsLowercaseSeverity()
    {
        var finding = JsonSerializer.Deserialize<Finding>(
            """{"code":"malware.eicar","severity":"warning","message":"m"}""", WebJson);

        Assert.Equal(new Finding("malware.eicar", FindingSeverity.Warning, null, "m"), finding);
    }
}
