using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Gives the installation saga the files below <c>content/</c>, under the same limits as the scan.
/// Opening refuses archives whose directory breaks a structural rule; entry streams enforce the
/// size, ratio and CRC rules while they are read. Read one entry stream at a time.
/// </summary>
public sealed class PackageReader
{
    private PackageReader(IReadOnlyList<PackageContentEntry> contentEntries) => ContentEntries = contentEntries;

    /// <summary>The files below <c>content/</c>, in archive order.</summary>
    public IReadOnlyList<PackageContentEntry> ContentEntries { get; }

    /// <summary>Opens a package for reading its content.</summary>
    /// <param name="package">A readable, seekable stream holding the zip; it must stay open while entries are read.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The reader, or no reader and the findings that make the package unsafe to read.</returns>
    public static async ValueTask<PackageReaderOpening> OpenAsync(Stream package, PackageLimits limits, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return new PackageReaderOpening(null, [opening.Failure!]);
        }

        var findings = EntryMetadataRules.Check(archive.Entries);
        if (findings.Any(f => f.IsError))
        {
            return new PackageReaderOpening(null, findings);
        }

        var entries = archive.Entries
            .Where(e => !e.IsDirectory && PackageLayout.IsContent(e.Name))
            .Select(e => new PackageContentEntry(archive, e))
            .ToList();
        return new PackageReaderOpening(new PackageReader(entries), findings);
    }
}

/// <summary>One file below <c>content/</c>.</summary>
public sealed class PackageContentEntry
{
    private readonly PackageArchive _archive;
    private readonly ZipEntryRecord _entry;

    internal PackageContentEntry(PackageArchive archive, ZipEntryRecord entry)
    {
        _archive = archive;
        _entry = entry;
        RelativePath = entry.Name[PackageLayout.ContentPrefix.Length..];
    }

    /// <summary>The path below <c>content/</c>, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>The size the header declares; the stream fails if the data disagrees.</summary>
    public long Length => _entry.UncompressedSize;

    /// <summary>
    /// Opens the decompressed data. Reading throws <see cref="PackageFindingException"/> when a limit,
    /// the declared size or the CRC is broken, and <see cref="InvalidDataException"/> on bad deflate data.
    /// </summary>
    public ValueTask<Stream> OpenAsync(CancellationToken cancellationToken) => _archive.OpenEntryAsync(_entry, cancellationToken);
}

/// <summary>An opened package reader, or the findings that kept it closed.</summary>
/// <param name="Reader">The reader, when the package is safe to read.</param>
/// <param name="Findings">Structural findings about the archive's directory.</param>
public sealed record PackageReaderOpening(PackageReader? Reader, IReadOnlyList<Finding> Findings);
