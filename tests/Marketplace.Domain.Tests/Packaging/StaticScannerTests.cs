using System.Text.Json.Nodes;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class StaticScannerTests
{
    private readonly StaticScanner _scanner = new();

    [Fact]
    public async Task ScanAsync_ValidPackage_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Valid()));
    }

    [Fact]
    public async Task ScanAsync_ManifestBreaksFieldRule_ManifestFieldFinding()
    {
        var manifest = ValidManifest();
        manifest["license"] = "Not-A-Licence";

        var findings = await ScanAsync(_scanner, WithManifest(manifest));

        Assert.Equal([FindingCodes.ManifestLicense], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ManifestMissing_NoManifestFindings()
    {
        var findings = await ScanAsync(_scanner, Without("marketplace.json"));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("README.md", FindingCodes.LayoutReadmeMissing)]
    [InlineData("LICENSE", FindingCodes.LayoutLicenseMissing)]
    public async Task ScanAsync_RootFileMissing_Warning(string file, string code)
    {
        var findings = await ScanAsync(_scanner, Without(file));

        var finding = Assert.Single(findings);
        Assert.Equal((code, FindingSeverity.Warning), (finding.Code, finding.Severity));
    }

    [Theory]
    [InlineData("LICENSE.md")]
    [InlineData("license.txt")]
    public async Task ScanAsync_LicenseFileVariant_NoFindings(string name)
    {
        var files = ValidFiles();
        files[name] = files["LICENSE"];
        files.Remove("LICENSE");

        Assert.Empty(await ScanAsync(_scanner, Zip(files)));
    }

    [Fact]
    public async Task ScanAsync_NoContentFiles_LayoutNoContentWarning()
    {
        var files = ValidFiles();
        files.Remove("content/Program.cs");
        files.Remove("content/appsettings.json");
        files["content/"] = [];

        var findings = await ScanAsync(_scanner, Zip(files));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.LayoutNoContent, FindingSeverity.Warning), (finding.Code, finding.Severity));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("docs/guide.md")]
    public async Task ScanAsync_FileOutsideContent_LayoutOutsideContentWarning(string path)
    {
        var findings = await ScanAsync(_scanner, With(path, "text"));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.LayoutOutsideContent, FindingSeverity.Warning, path), (finding.Code, finding.Severity, finding.Path));
    }

    [Theory]
    [InlineData("tools/run.exe")]
    [InlineData("lib.dll")]
    [InlineData("native/libfoo.so")]
    [InlineData("native/libfoo.so.1.2")]
    [InlineData("native/libfoo.dylib")]
    [InlineData("setup.ps1")]
    [InlineData("install.sh")]
    [InlineData("install.BAT")]
    [InlineData("build.cmd")]
    [InlineData("macro.vbs")]
    public async Task ScanAsync_ExecutableNameOutsideContent_EntryExecutableOutsideContent(string path)
    {
        var findings = await ScanAsync(_scanner, With(path, "harmless text"));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.EntryExecutableOutsideContent, FindingSeverity.Error, path), (finding.Code, finding.Severity, finding.Path));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00 })]
    [InlineData(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1 })]
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0 })]
    [InlineData(new byte[] { (byte)'#', (byte)'!', (byte)'/', (byte)'b', (byte)'i', (byte)'n' })]
    public async Task ScanAsync_ExecutableBytesUnderInnocentName_EntryExecutableOutsideContent(byte[] head)
    {
        var findings = await ScanAsync(_scanner, With("assets/picture.dat", [.. head, .. new byte[64]]));

        Assert.Equal([FindingCodes.EntryExecutableOutsideContent], findings.Codes());
    }

    [Theory]
    [InlineData("content/scripts/setup.sh")]
    [InlineData("content/bin/tool.exe")]
    public async Task ScanAsync_ExecutableInsideContent_NoFindings(string path)
    {
        Assert.Empty(await ScanAsync(_scanner, With(path, "#!/bin/sh\necho hi\n")));
    }

    [Fact]
    public async Task ScanAsync_NotAZip_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, [1, 2, 3]));
    }

    [Fact]
    public async Task ScanAsync_ManifestWithWarningsOnly_WarningsReported()
    {
        var manifest = ValidManifest();
        manifest.Remove("description");
        manifest["homepage"] = JsonValue.Create("https://contoso.example");

        var findings = await ScanAsync(_scanner, WithManifest(manifest));

        Assert.Equal([FindingCodes.ManifestMissingDescription, FindingCodes.ManifestUnknownField], findings.Codes().Order());
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }
}
