namespace Marketplace.Domain.Packaging;

/// <summary>Where things live in a package (see docs/package-format.md).</summary>
public static class PackageLayout
{
    /// <summary>The folder whose files installation applies, with its trailing slash.</summary>
    public const string ContentPrefix = "content/";

    /// <summary>The readme shown in the catalogue.</summary>
    public const string ReadmeFileName = "README.md";

    /// <summary>Root file names accepted as the licence text.</summary>
    public static readonly IReadOnlyList<string> LicenseFileNames = ["LICENSE", "LICENSE.md", "LICENSE.txt"];

    /// <summary>Root files that belong to the package format and are not installed.</summary>
    public static readonly IReadOnlyList<string> KnownRootFiles =
        [ManifestParser.FileName, ReadmeFileName, "CHANGELOG.md", .. LicenseFileNames];

    /// <summary>True when an entry path lies below <c>content/</c>.</summary>
    public static bool IsContent(string path) =>
        path.StartsWith(ContentPrefix, StringComparison.Ordinal) && path.Length > ContentPrefix.Length;

    /// <summary>True when a root file of the given name exists, ignoring case.</summary>
    internal static bool HasRootFile(IEnumerable<ZipEntryRecord> entries, IEnumerable<string> names) =>
        entries.Any(e => names.Contains(e.Name, StringComparer.OrdinalIgnoreCase));
}
