using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>Reads and validates the manifest of a package without scanning anything else.</summary>
public static class ManifestReader
{
    /// <summary>Reads <c>marketplace.json</c> from a package and applies the field rules.</summary>
    /// <param name="package">A readable, seekable stream holding the zip.</param>
    /// <param name="limits">The limits to apply while reading.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async ValueTask<ManifestReadResult> ReadAsync(Stream package, PackageLimits limits, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return new ManifestReadResult(null, null, [opening.Failure!]);
        }

        var (document, failure) = await ReadDocumentAsync(archive, limits, cancellationToken);
        if (document is null)
        {
            return new ManifestReadResult(null, null, [failure!]);
        }

        var validation = ManifestValidator.Validate(document);
        return new ManifestReadResult(validation.Manifest, document, validation.Findings);
    }

    /// <summary>Finds, reads and parses the manifest of an opened archive.</summary>
    internal static async ValueTask<(ManifestDocument? Document, Finding? Failure)> ReadDocumentAsync(
        PackageArchive archive, PackageLimits limits, CancellationToken cancellationToken)
    {
        if (archive.Find(ManifestParser.FileName) is not { } entry)
        {
            return (null, Missing(archive));
        }

        if (entry.UncompressedSize > limits.MaxManifestBytes)
        {
            return (null, TooLarge(limits));
        }

        try
        {
            var bytes = await EntryContent.ReadAtMostAsync(archive, entry, limits.MaxManifestBytes, cancellationToken);
            if (bytes is null)
            {
                return (null, TooLarge(limits));
            }

            var parsed = ManifestParser.Parse(bytes);
            return (parsed.Document, parsed.Error);
        }
        catch (PackageFindingException ex)
        {
            return (null, ex.Finding);
        }
        catch (InvalidDataException ex)
        {
            return (null, Finding.Error(FindingCodes.EntryCorrupt, entry.Name, $"The manifest cannot be decompressed: {ex.Message}"));
        }
    }

    private static Finding Missing(PackageArchive archive)
    {
        var nearMiss = archive.Entries.FirstOrDefault(e =>
            e.Name.Equals(ManifestParser.FileName, StringComparison.OrdinalIgnoreCase)
            || e.Name.EndsWith("/" + ManifestParser.FileName, StringComparison.OrdinalIgnoreCase));
        var hint = nearMiss is null ? string.Empty : $" Found '{nearMiss.Name}'; the manifest must be named exactly '{ManifestParser.FileName}' at the root.";
        return Finding.Error(FindingCodes.ManifestMissing, ManifestParser.FileName, $"The package has no '{ManifestParser.FileName}' at its root.{hint}");
    }

    private static Finding TooLarge(PackageLimits limits) =>
        Finding.Error(FindingCodes.ManifestTooLarge, ManifestParser.FileName, $"The manifest is larger than {limits.MaxManifestBytes} bytes.");
}

/// <summary>A package's manifest as read and validated.</summary>
/// <param name="Manifest">The validated manifest, or <see langword="null"/> when missing, unreadable or breaking a rule.</param>
/// <param name="Document">The manifest as written, when it could be parsed.</param>
/// <param name="Findings">Why the manifest is unusable, plus any warnings.</param>
public sealed record ManifestReadResult(AssetManifest? Manifest, ManifestDocument? Document, IReadOnlyList<Finding> Findings);
