using CsCheck;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class HostileInputPropertyTests
{
    private static readonly PackageLimits SmallLimits = new() { MaxUncompressedBytes = 1024 * 1024, MaxEntries = 200 };
    private static readonly byte[] ValidPackage = Valid();
    private static readonly PackageScanner Scanner = new();

    [Fact]
    public async Task ScanAsync_RandomBytes_FindingsNeverThrows()
    {
        await Gen.Byte.Array[0, 4096].SampleAsync(async bytes =>
        {
            var report = await ScanBytesAsync(bytes);
            Assert.True(report.HasErrors);
        }, iter: 300);
    }

    [Fact]
    public async Task ScanAsync_JunkEndingInEndRecord_FindingsNeverThrows()
    {
        // Random bytes rarely look like a zip; a random end-of-directory record forces the directory parser to run.
        var endRecord = Gen.Byte.Array[18].Select(tail => (byte[])[0x50, 0x4B, 0x05, 0x06, .. tail]);
        await Gen.Select(Gen.Byte.Array[0, 2048], endRecord).SampleAsync(async (body, end) =>
        {
            var report = await ScanBytesAsync([.. body, .. end]);
            Assert.True(report.HasErrors);
        }, iter: 300);
    }

    [Fact]
    public async Task ScanAsync_CorruptedValidPackage_FindingsNeverThrows()
    {
        var mutation = Gen.Select(Gen.Int[0, ValidPackage.Length - 1], Gen.Byte);
        await Gen.Select(mutation.Array[1, 8], Gen.Int[0, ValidPackage.Length]).SampleAsync(async (mutations, length) =>
        {
            var bytes = ValidPackage.ToArray();
            foreach (var (at, value) in mutations)
            {
                bytes[at] = value;
            }

            _ = await ScanBytesAsync(bytes[..length]);
        }, iter: 400);
    }

    [Fact]
    public async Task PackageReader_CorruptedValidPackage_OpensOrReportsNeverThrowsOnOpen()
    {
        var mutation = Gen.Select(Gen.Int[0, ValidPackage.Length - 1], Gen.Byte);
        await mutation.Array[1, 8].SampleAsync(async mutations =>
        {
            var bytes = ValidPackage.ToArray();
            foreach (var (at, value) in mutations)
            {
                bytes[at] = value;
            }

            using var stream = new MemoryStream(bytes);
            var opening = await PackageReader.OpenAsync(stream, SmallLimits, CancellationToken.None);
            Assert.True(opening.Reader is not null || opening.Findings.Any(f => f.IsError));
        }, iter: 300);
    }

    private static async Task<PackageScanReport> ScanBytesAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await Scanner.ScanAsync(stream, Context(SmallLimits), CancellationToken.None);
    }
}
