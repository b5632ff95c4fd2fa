using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// A package opened for one pass: its directory records and a shared decompression budget.
/// Entry streams read straight from the package stream; open one at a time.
/// </summary>
internal sealed class PackageArchive
{
    private readonly Stream _package;
    private readonly PackageLimits _limits;
    private readonly DecompressionBudget _budget;

    private PackageArchive(Stream package, IReadOnlyList<ZipEntryRecord> entries, PackageLimits limits)
    {
        _package = package;
        _limits = limits;
        _budget = new DecompressionBudget(limits.MaxUncompressedBytes);
        Entries = entries;
    }

    public IReadOnlyList<ZipEntryRecord> Entries { get; }

    /// <summary>True once the entries read so far have used up the whole decompression budget.</summary>
    public bool BudgetExhausted => _budget.Remaining <= 0;

    /// <summary>Opens a package, or returns the archive-level finding that makes it unreadable.</summary>
    public static async ValueTask<PackageArchiveOpening> OpenAsync(Stream package, PackageLimits limits, CancellationToken cancellationToken)
    {
        if (!package.CanRead || !package.CanSeek)
        {
            throw new ArgumentException("The package stream must be readable and seekable.", nameof(package));
        }

        if (package.Length > limits.MaxArchiveBytes)
        {
            return new(null, Finding.Error(FindingCodes.ArchiveTooLarge, null, $"The archive is {package.Length} bytes; the limit is {limits.MaxArchiveBytes}."));
        }

        var directory = await ZipCentralDirectory.ReadAsync(package, limits, cancellationToken);
        return directory.Failure is { } failure
            ? new(null, failure)
            : new(new PackageArchive(package, directory.Entries, limits), null);
    }

    public ZipEntryRecord? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>
    /// Opens an entry's decompressed data, measured against the limits. Problems found before or
    /// while reading surface as <see cref="PackageFindingException"/>; bad deflate data as
    /// <see cref="InvalidDataException"/>.
    /// </summary>
    public async ValueTask<Stream> OpenEntryAsync(ZipEntryRecord entry, CancellationToken cancellationToken)
    {
        if (entry.IsEncrypted)
        {
            throw Problem(FindingCodes.EntryEncrypted, entry, "The entry is encrypted and cannot be scanned.");
        }

        CheckDeclaredSizes(entry);
        var dataStart = await ReadLocalHeaderAsync(entry, cancellationToken);
        if (dataStart + entry.CompressedSize > _package.Length)
        {
            throw Problem(FindingCodes.EntryCorrupt, entry, "The entry's data runs past the end of the archive.");
        }

        var compressed = new ArchiveSliceStream(_package, dataStart, entry.CompressedSize);
        Stream decompressed = entry.Method switch
        {
            ZipFormat.MethodStored => compressed,
            ZipFormat.MethodDeflate => new DeflateStream(compressed, CompressionMode.Decompress),
            _ => throw Problem(FindingCodes.EntryCorrupt, entry, $"The entry uses compression method {entry.Method}; only stored (0) and deflate (8) are supported."),
        };
        return new MeasuredEntryStream(decompressed, entry, _budget, _limits);
    }

    // Declared sizes are claims; a claim that already breaks a limit is rejected without reading.
    private void CheckDeclaredSizes(ZipEntryRecord entry)
    {
        if (entry.UncompressedSize > _budget.Remaining)
        {
            throw new PackageFindingException(Finding.Error(
                FindingCodes.ArchiveUncompressedTooLarge, null, $"The entries decompress to more than {_budget.Limit} bytes in total."));
        }

        if (entry.UncompressedSize > Math.Max(entry.CompressedSize, 1) * (long)_limits.MaxCompressionRatio)
        {
            throw Problem(FindingCodes.EntryCompressionRatio, entry, $"The entry declares more than {_limits.MaxCompressionRatio}:1 compression.");
        }
    }

    private async ValueTask<long> ReadLocalHeaderAsync(ZipEntryRecord entry, CancellationToken cancellationToken)
    {
        if (entry.LocalHeaderOffset > _package.Length - ZipFormat.LocalHeaderSize)
        {
            throw Problem(FindingCodes.EntryCorrupt, entry, "The entry's local header lies outside the archive.");
        }

        var header = new byte[ZipFormat.LocalHeaderSize];
        _package.Position = entry.LocalHeaderOffset;
        await _package.ReadExactlyAsync(header, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.LocalHeaderSignature)
        {
            throw Problem(FindingCodes.EntryCorrupt, entry, "The entry's local header has a bad signature.");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)) != entry.Method)
        {
            throw Problem(FindingCodes.EntryHeaderMismatch, entry, "The entry's local header names a different compression method than the central directory.");
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var nameStart = entry.LocalHeaderOffset + ZipFormat.LocalHeaderSize;
        if (nameStart + nameLength + extraLength > _package.Length)
        {
            throw Problem(FindingCodes.EntryCorrupt, entry, "The entry's local header runs past the end of the archive.");
        }

        var name = new byte[nameLength];
        await _package.ReadExactlyAsync(name, cancellationToken);

        // Tools that trust the local header would extract under this name; it must agree with the directory.
        if (Encoding.UTF8.GetString(name) != entry.Name)
        {
            throw Problem(FindingCodes.EntryHeaderMismatch, entry, "The entry's local header names a different path than the central directory.");
        }

        return nameStart + nameLength + extraLength;
    }

    private static PackageFindingException Problem(string code, ZipEntryRecord entry, string message) =>
        new(Finding.Error(code, entry.Name, message));
}

/// <summary>An opened archive, or the finding that made it unreadable.</summary>
internal sealed record PackageArchiveOpening(PackageArchive? Archive, Finding? Failure);
