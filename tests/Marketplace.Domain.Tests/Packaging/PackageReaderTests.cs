using System.Text;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class PackageReaderTests
{
    [Fact]
    public async Task OpenAsync_ValidPackage_ContentEntriesBelowContentFolder()
    {
        var files = ValidFiles();
        files["content/src/deep/File.cs"] = Encoding.UTF8.GetBytes("class File {}");
        files["content/empty/"] = [];
        using var stream = new MemoryStream(Zip(files));

        var opening = await PackageReader.OpenAsync(stream, PackageLimits.Default, CancellationToken.None);

        var reader = Assert.IsType<PackageReader>(opening.Reader);
        var expected = files.Where(f => f.Key.StartsWith("content/", StringComparison.Ordinal) && !f.Key.EndsWith('/'))
            .ToDictionary(f => f.Key["content/".Length..], f => f.Value);
        Assert.Equal(expected.Keys.Order(), reader.ContentEntries.Select(e => e.RelativePath).Order());
        foreach (var entry in reader.ContentEntries)
        {
            Assert.Equal(expected[entry.RelativePath].Length, entry.Length);
            Assert.Equal(expected[entry.RelativePath], await ReadAllAsync(entry));
        }
    }

    [Fact]
    public async Task OpenAsync_ZipSlipEntry_NoReaderAndFinding()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/../../evil.txt", [1]));
        using var stream = new MemoryStream(RawZip.Build(entries));

        var opening = await PackageReader.OpenAsync(stream, PackageLimits.Default, CancellationToken.None);

        Assert.Null(opening.Reader);
        Assert.Equal([FindingCodes.EntryZipSlip], opening.Findings.Codes());
    }

    [Fact]
    public async Task OpenAsync_NotAZip_NoReaderAndFinding()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("hello"));

        var opening = await PackageReader.OpenAsync(stream, PackageLimits.Default, CancellationToken.None);

        Assert.Null(opening.Reader);
        Assert.Equal([FindingCodes.ArchiveNotZip], opening.Findings.Codes());
    }

    [Fact]
    public async Task ContentEntryStream_DataLongerThanDeclared_ThrowsSizeMismatch()
    {
        var entries = ValidRawEntries();
        entries.Add(new RawEntry("content/liar.bin", RandomBytes(50_000)) { DeclaredSize = 100 });
        using var stream = new MemoryStream(RawZip.Build(entries));
        var reader = (await PackageReader.OpenAsync(stream, PackageLimits.Default, CancellationToken.None)).Reader!;
        var liar = reader.ContentEntries.Single(e => e.RelativePath == "liar.bin");

        var error = await Assert.ThrowsAsync<PackageFindingException>(() => ReadAllAsync(liar));

        Assert.Equal(FindingCodes.EntrySizeMismatch, error.Finding.Code);
    }

    [Fact]
    public async Task ContentEntryStream_ZerosBomb_ThrowsCompressionRatio()
    {
        using var stream = new MemoryStream(With("content/zeros.bin", new byte[2 * 1024 * 1024]));
        var reader = (await PackageReader.OpenAsync(stream, PackageLimits.Default, CancellationToken.None)).Reader!;
        var bomb = reader.ContentEntries.Single(e => e.RelativePath == "zeros.bin");

        var error = await Assert.ThrowsAsync<PackageFindingException>(() => ReadAllAsync(bomb));

        Assert.Equal(FindingCodes.EntryCompressionRatio, error.Finding.Code);
    }

    [Fact]
    public async Task ContentEntryStreams_TotalOverLimit_ThrowsUncompressedTooLarge()
    {
        var files = ValidFiles();
        files["content/a.bin"] = RandomBytes(30_000);
        files["content/b.bin"] = RandomBytes(30_000);
        using var stream = new MemoryStream(Zip(files));
        var limits = new PackageLimits { MaxUncompressedBytes = 40_000 };
        var reader = (await PackageReader.OpenAsync(stream, limits, CancellationToken.None)).Reader!;

        var error = await Assert.ThrowsAsync<PackageFindingException>(async () =>
        {
            foreach (var entry in reader.ContentEntries)
            {
                await ReadAllAsync(entry);
            }
        });

        Assert.Equal(FindingCodes.ArchiveUncompressedTooLarge, error.Finding.Code);
    }

    [Fact]
    public async Task ManifestReader_ValidPackage_ValidatedManifest()
    {
        using var stream = new MemoryStream(Valid());

        var result = await ManifestReader.ReadAsync(stream, PackageLimits.Default, CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal((AssetId, "1.2.0"), (result.Manifest!.Id, result.Manifest.Version));
    }

    [Fact]
    public async Task ManifestReader_ManifestBreaksRule_NoManifestButDocumentAndFinding()
    {
        var manifest = ValidManifest();
        manifest["version"] = "one";
        using var stream = new MemoryStream(WithManifest(manifest));

        var result = await ManifestReader.ReadAsync(stream, PackageLimits.Default, CancellationToken.None);

        Assert.Null(result.Manifest);
        Assert.Equal("one", result.Document!.Version);
        Assert.Equal([FindingCodes.ManifestVersion], result.Findings.Codes());
    }

    [Fact]
    public async Task ManifestReader_NoManifest_ManifestMissing()
    {
        using var stream = new MemoryStream(Without("marketplace.json"));

        var result = await ManifestReader.ReadAsync(stream, PackageLimits.Default, CancellationToken.None);

        Assert.Null(result.Manifest);
        Assert.Equal([FindingCodes.ManifestMissing], result.Findings.Codes());
    }

    private static async Task<byte[]> ReadAllAsync(PackageContentEntry entry)
    {
        await using var data = await entry.OpenAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await data.CopyToAsync(copy);
        return copy.ToArray();
    }
}
