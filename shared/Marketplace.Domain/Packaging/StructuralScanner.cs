using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Zip validity and hard limits: archive size, entry count, actual decompressed sizes and ratios,
/// entry paths and types, CRCs, and a manifest that is present and valid JSON.
/// </summary>
public sealed class StructuralScanner : IPackageScanner
{
    /// <inheritdoc />
    public ScanCategory Category => ScanCategory.Structural;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Finding>> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, context.Limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return [opening.Failure!];
        }

        var findings = new List<Finding>(EntryMetadataRules.Check(archive.Entries));
        await DrainEntriesAsync(archive, findings, cancellationToken);
        var (_, manifestFailure) = await ManifestReader.ReadDocumentAsync(archive, context.Limits, cancellationToken);
        if (manifestFailure is not null)
        {
            findings.Add(manifestFailure);
        }

        return [.. findings.Distinct()];
    }

    // Decompressing every entry is the only way to learn its real size: headers can lie.
    private static async ValueTask DrainEntriesAsync(PackageArchive archive, List<Finding> findings, CancellationToken cancellationToken)
    {
        var buffer = new byte[EntryContent.BufferSize];
        foreach (var entry in archive.Entries.Where(e => !e.IsEncrypted))
        {
            try
            {
                await EntryContent.DrainAsync(archive, entry, buffer, cancellationToken);
            }
            catch (PackageFindingException ex)
            {
                findings.Add(ex.Finding);
                if (ex.Finding.Code == FindingCodes.ArchiveUncompressedTooLarge)
                {
                    return;
                }
            }
            catch (InvalidDataException ex)
            {
                findings.Add(Finding.Error(FindingCodes.EntryCorrupt, entry.Name, $"The entry cannot be decompressed: {ex.Message}"));
            }
        }
    }
}
