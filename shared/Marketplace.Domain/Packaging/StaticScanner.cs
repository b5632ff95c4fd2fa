using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Manifest field rules and package layout: README, LICENSE, content present, nothing stray
/// outside <c>content/</c>, and no executables or scripts outside it.
/// </summary>
public sealed class StaticScanner : IPackageScanner
{
    /// <inheritdoc />
    public ScanCategory Category => ScanCategory.Static;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Finding>> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, context.Limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return [];
        }

        var findings = new List<Finding>();
        var (document, _) = await ManifestReader.ReadDocumentAsync(archive, context.Limits, cancellationToken);
        if (document is not null)
        {
            findings.AddRange(ManifestValidator.Validate(document).Findings);
        }

        findings.AddRange(LayoutFindings(archive.Entries));
        await AddExecutableFindingsAsync(archive, findings, cancellationToken);
        return findings;
    }

    private static IEnumerable<Finding> LayoutFindings(IReadOnlyList<ZipEntryRecord> entries)
    {
        if (!PackageLayout.HasRootFile(entries, [PackageLayout.ReadmeFileName]))
        {
            yield return Finding.Warning(FindingCodes.LayoutReadmeMissing, PackageLayout.ReadmeFileName, "The package has no README.md; the catalogue page will be empty.");
        }

        if (!PackageLayout.HasRootFile(entries, PackageLayout.LicenseFileNames))
        {
            yield return Finding.Warning(FindingCodes.LayoutLicenseMissing, "LICENSE", "The package has no LICENSE file with the licence text.");
        }

        if (!entries.Any(e => !e.IsDirectory && PackageLayout.IsContent(e.Name)))
        {
            yield return Finding.Warning(FindingCodes.LayoutNoContent, PackageLayout.ContentPrefix, "The package has no files below content/, so installing it changes nothing.");
        }

        foreach (var entry in StrayFiles(entries).Where(e => !ExecutableDetector.HasExecutableName(e.Name)))
        {
            yield return Finding.Warning(FindingCodes.LayoutOutsideContent, entry.Name, "Only files below content/ are installed; this file never will be.");
        }
    }

    // Extensions catch the obvious; the first bytes catch binaries and scripts under an innocent name.
    private static async ValueTask AddExecutableFindingsAsync(PackageArchive archive, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var entry in archive.Entries.Where(e => !e.IsDirectory && !PackageLayout.IsContent(e.Name)))
        {
            var executable = ExecutableDetector.HasExecutableName(entry.Name) || await HasExecutableHeadAsync(archive, entry, cancellationToken);
            if (executable)
            {
                findings.Add(Finding.Error(FindingCodes.EntryExecutableOutsideContent, entry.Name, "Executables and scripts are only allowed below content/."));
                findings.RemoveAll(f => f.Code == FindingCodes.LayoutOutsideContent && f.Path == entry.Name);
            }
        }
    }

    private static async ValueTask<bool> HasExecutableHeadAsync(PackageArchive archive, ZipEntryRecord entry, CancellationToken cancellationToken)
    {
        try
        {
            var head = await EntryContent.ReadHeadAsync(archive, entry, ExecutableDetector.HeadLength, cancellationToken);
            return ExecutableDetector.HasExecutableHead(head);
        }
        catch (Exception ex) when (ex is PackageFindingException or InvalidDataException)
        {
            return false; // Unreadable entries are the structural scanner's finding.
        }
    }

    private static IEnumerable<ZipEntryRecord> StrayFiles(IReadOnlyList<ZipEntryRecord> entries) =>
        entries.Where(e => !e.IsDirectory
            && !PackageLayout.IsContent(e.Name)
            && !PackageLayout.KnownRootFiles.Contains(e.Name, StringComparer.OrdinalIgnoreCase));
}
