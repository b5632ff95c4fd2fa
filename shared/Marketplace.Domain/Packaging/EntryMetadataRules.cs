using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// The checks that need only the central directory: paths, duplicates, entry types and encryption.
/// Shared by the structural scanner and the installation reader.
/// </summary>
internal static class EntryMetadataRules
{
    public static IReadOnlyList<Finding> Check(IReadOnlyList<ZipEntryRecord> entries)
    {
        var findings = new List<Finding>();
        foreach (var entry in entries)
        {
            if (EntryNameRules.Check(entry) is { } nameFinding)
            {
                findings.Add(nameFinding);
            }

            if (TypeFinding(entry) is { } typeFinding)
            {
                findings.Add(typeFinding);
            }

            if (entry.IsEncrypted)
            {
                findings.Add(Finding.Error(FindingCodes.EntryEncrypted, entry.Name, "The entry is encrypted and cannot be scanned."));
            }
        }

        findings.AddRange(Duplicates(entries));
        return findings;
    }

    private static Finding? TypeFinding(ZipEntryRecord entry) => entry.UnixFileType switch
    {
        ZipFormat.UnixSymlink => Finding.Error(FindingCodes.EntrySymlink, entry.Name, "The entry is a symbolic link."),
        ZipFormat.UnixFifo or ZipFormat.UnixCharDevice or ZipFormat.UnixBlockDevice or ZipFormat.UnixSocket =>
            Finding.Error(FindingCodes.EntrySpecialFile, entry.Name, "The entry is a device, FIFO or socket."),
        _ => null,
    };

    // Names are compared ignoring case because packages are installed onto case-insensitive file systems too.
    private static IEnumerable<Finding> Duplicates(IReadOnlyList<ZipEntryRecord> entries)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var path = entry.Name.TrimEnd('/');
            if (!seen.Add(path))
            {
                yield return Finding.Error(FindingCodes.EntryDuplicate, entry.Name, "Another entry has the same path (ignoring case).");
            }

            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                folders.Add(path[..slash]);
            }
        }

        foreach (var entry in entries.Where(e => !e.IsDirectory && folders.Contains(e.Name)))
        {
            yield return Finding.Error(FindingCodes.EntryDuplicate, entry.Name, "The path is both a file and a folder.");
        }
    }
}
