namespace Marketplace.Domain.Packaging;

/// <summary>
/// Hard limits that keep a hostile package from exhausting memory or time.
/// Defaults follow docs/package-format.md; tests lower them to exercise each limit cheaply.
/// </summary>
public sealed record PackageLimits
{
    private const long MiB = 1024 * 1024;

    /// <summary>The limits from the package-format contract.</summary>
    public static PackageLimits Default { get; } = new();

    /// <summary>Largest accepted archive, in bytes (50 MiB).</summary>
    public long MaxArchiveBytes { get; init; } = 50 * MiB;

    /// <summary>Most entries (files and folders) an archive may hold (10,000).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Largest total of actually decompressed bytes over all entries (200 MiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 200 * MiB;

    /// <summary>Highest accepted ratio of decompressed to compressed bytes for one entry (100:1).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>How much of each text file the secret scanner reads (8 MiB); the EICAR check reads everything.</summary>
    public long MaxTextScanBytes { get; init; } = 8 * MiB;

    /// <summary>Largest accepted <c>marketplace.json</c>, in bytes (256 KiB).</summary>
    public int MaxManifestBytes { get; init; } = 256 * 1024;
}
