using System.Text;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class StructuralScannerTests
{
    private readonly StructuralScanner _scanner = new();

    [Fact]
    public async Task ScanAsync_ValidPackage_NoFindings()
    {
        var findings = await ScanAsync(_scanner, Valid());

        Assert.Empty(findings);
    }

    [Fact]
    public async Task ScanAsync_ValidRawPackage_NoFindings()
    {
        var findings = await ScanAsync(_scanner, RawZip.Build(ValidRawEntries()));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(5000)]
    public async Task ScanAsync_NotAZip_ArchiveNotZip(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        var findings = await ScanAsync(_scanner, bytes);

        Assert.Equal([FindingCodes.ArchiveNotZip], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_DirectoryRecordDamaged_ArchiveCorrupt()
    {
        var bytes = Valid();
        var directory = LastIndexOf(bytes, [0x50, 0x4B, 0x01, 0x02]);
        bytes[directory] = 0x00;

        var findings = await ScanAsync(_scanner, bytes);

        Assert.Equal([FindingCodes.ArchiveCorrupt], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_EndRecordPointsPastArchive_ArchiveCorrupt()
    {
        var bytes = Valid();
        var end = LastIndexOf(bytes, [0x50, 0x4B, 0x05, 0x06]);
        BitConverter.TryWriteBytes(bytes.AsSpan(end + 16), uint.MaxValue - 1);

        var findings = await ScanAsync(_scanner, bytes);

        Assert.Equal([FindingCodes.ArchiveCorrupt], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ArchiveOverSizeLimit_ArchiveTooLarge()
    {
        var package = Valid();
        var limits = new PackageLimits { MaxArchiveBytes = package.Length - 1 };

        var findings = await ScanAsync(_scanner, package, Context(limits));

        Assert.Equal([FindingCodes.ArchiveTooLarge], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_MoreEntriesThanLimit_ArchiveTooManyEntries()
    {
        var limits = new PackageLimits { MaxEntries = 4 };

        var findings = await ScanAsync(_scanner, Valid(), Context(limits));

        Assert.Equal([FindingCodes.ArchiveTooManyEntries], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_EndRecordUnderstatesEntryCount_ArchiveTooManyEntries()
    {
        var entries = ValidRawEntries();
        entries.AddRange(Enumerable.Range(0, 50).Select(i => new RawEntry($"content/file{i}.txt", [1])));
        var limits = new PackageLimits { MaxEntries = 20 };

        var findings = await ScanAsync(_scanner, RawZip.Build(entries, declaredEntryCount: 3), Context(limits));

        Assert.Equal([FindingCodes.ArchiveTooManyEntries], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_TotalOverUncompressedLimit_ArchiveUncompressedTooLarge()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/a.bin", RandomBytes(40_000)) { Deflate = false });
        entries.Add(new RawEntry("content/b.bin", RandomBytes(40_000)) { Deflate = false });
        var limits = new PackageLimits { MaxUncompressedBytes = 60_000 };

        var findings = await ScanAsync(_scanner, RawZip.Build(entries), Context(limits));

        Assert.Equal([FindingCodes.ArchiveUncompressedTooLarge], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ZerosBomb_EntryCompressionRatio()
    {
        var findings = await ScanAsync(_scanner, With("content/zeros.bin", new byte[4 * 1024 * 1024]));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.EntryCompressionRatio, finding.Code);
        Assert.Equal("content/zeros.bin", finding.Path);
    }

    [Fact]
    public async Task ScanAsync_BombUnderTinyDeclaredSize_StopsWithSizeMismatch()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/bomb.bin", new byte[64 * 1024 * 1024]) { DeclaredSize = 1000, Crc = 0 });
        var limits = new PackageLimits { MaxCompressionRatio = 100_000 };

        var findings = await ScanAsync(_scanner, RawZip.Build(entries), Context(limits));

        Assert.Equal([FindingCodes.EntrySizeMismatch], findings.Codes());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public async Task ScanAsync_DeclaredSizeDiffersFromData_EntrySizeMismatch(long declaredSize)
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/data.bin", RandomBytes(10_000)) { DeclaredSize = declaredSize });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntrySizeMismatch], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_WrongCrc_EntryCorrupt()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/data.txt", Encoding.UTF8.GetBytes("hello")) { Crc = 12345 });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryCorrupt], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_GarbageDeflateData_EntryCorrupt()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/data.txt", new byte[100]) { CompressedOverride = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryCorrupt], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_UnsupportedCompressionMethod_EntryCorrupt()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/data.txt", [1, 2, 3]) { Method = 12, Deflate = false });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryCorrupt], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_LocalHeaderNamesOtherPath_EntryHeaderMismatch()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/innocent.txt", [1, 2, 3]) { LocalName = "../../evil.sh" });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryHeaderMismatch], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_EncryptedEntry_EntryEncrypted()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/secret.txt", [1, 2, 3]) { Flags = 1 });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryEncrypted], findings.Codes());
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../evil.txt")]
    [InlineData("content/../../evil.txt")]
    [InlineData("content/..")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("c:evil.txt")]
    [InlineData("content\\evil.txt")]
    [InlineData("content\\..\\..\\evil.txt")]
    public async Task ScanAsync_PathEscapesTarget_EntryZipSlip(string path)
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry(path, [1, 2, 3]));

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.EntryZipSlip, finding.Code);
        Assert.Equal(path, finding.Path);
    }

    [Theory]
    [InlineData("content//double.txt")]
    [InlineData("content/./dot.txt")]
    [InlineData("content/bell\u0007.txt")]
    [InlineData("content/nul\0.txt")]
    public async Task ScanAsync_MalformedPath_EntryInvalidName(string path)
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry(path, [1, 2, 3]));

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryInvalidName], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_NameNotUtf8_EntryInvalidName()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("ignored", [1, 2, 3]) { NameBytes = [0x63, 0xFF, 0xFE] });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryInvalidName], findings.Codes());
    }

    [Theory]
    [InlineData("content/Program.cs")]
    [InlineData("content/PROGRAM.CS")]
    [InlineData("content/Program.cs/")]
    public async Task ScanAsync_SamePathTwice_EntryDuplicate(string duplicate)
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry(duplicate, duplicate.EndsWith('/') ? [] : [1, 2, 3]));

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryDuplicate], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_FileAlsoUsedAsFolder_EntryDuplicate()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/Program.cs/inner.txt", [1]));

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntryDuplicate], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_SymlinkMode_EntrySymlink()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/link", Encoding.UTF8.GetBytes("/etc/passwd")) { ExternalAttributes = 0xA1FFu << 16 });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntrySymlink], findings.Codes());
    }

    [Theory]
    [InlineData(0x11A4u)]
    [InlineData(0x21A4u)]
    [InlineData(0x61A4u)]
    [InlineData(0xC1A4u)]
    public async Task ScanAsync_DeviceFifoOrSocketMode_EntrySpecialFile(uint mode)
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/device", []) { ExternalAttributes = mode << 16 });

        var findings = await ScanAsync(_scanner, RawZip.Build(entries));

        Assert.Equal([FindingCodes.EntrySpecialFile], findings.Codes());
    }

    [Theory]
    [InlineData("Marketplace.json")]
    [InlineData("package/marketplace.json")]
    public async Task ScanAsync_NoRootManifest_ManifestMissing(string misplacedName)
    {
        var files = ValidFiles();
        files[misplacedName] = files["marketplace.json"];
        files.Remove("marketplace.json");

        var findings = await ScanAsync(_scanner, Zip(files));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.ManifestMissing, finding.Code);
        Assert.Contains(misplacedName, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_EmptyArchive_ManifestMissing()
    {
        var findings = await ScanAsync(_scanner, Zip([]));

        Assert.Equal([FindingCodes.ManifestMissing], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ManifestOverLimit_ManifestTooLarge()
    {
        var limits = new PackageLimits { MaxManifestBytes = 64 };

        var findings = await ScanAsync(_scanner, Valid(), Context(limits));

        Assert.Equal([FindingCodes.ManifestTooLarge], findings.Codes());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"id\": 5}")]
    [InlineData("{\"tags\": \"http\"}")]
    [InlineData("{\"id\": \"a.b\", \"id\": \"a.c\"}")]
    [InlineData("{\"id\": \"a.b\",}")]
    [InlineData("{/* comment */}")]
    public async Task ScanAsync_ManifestNotManifestJson_ManifestInvalidJson(string json)
    {
        var findings = await ScanAsync(_scanner, With("marketplace.json", json));

        Assert.Equal([FindingCodes.ManifestInvalidJson], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ManifestNotUtf8_ManifestInvalidJson()
    {
        var findings = await ScanAsync(_scanner, With("marketplace.json", [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']));

        Assert.Equal([FindingCodes.ManifestInvalidJson], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_ManifestWithByteOrderMark_NoFindings()
    {
        var json = Encoding.UTF8.GetBytes(ValidManifest().ToJsonString());

        var findings = await ScanAsync(_scanner, With("marketplace.json", [0xEF, 0xBB, 0xBF, .. json]));

        Assert.Empty(findings);
    }

    private static int LastIndexOf(byte[] bytes, byte[] signature) => bytes.AsSpan().LastIndexOf(signature);
}
