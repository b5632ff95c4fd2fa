using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Rules for entry paths, so that extracting a package can never write outside its target
/// (zip-slip) or produce names that mean different things on different systems.
/// </summary>
internal static class EntryNameRules
{
    public static Finding? Check(ZipEntryRecord entry)
    {
        var name = entry.Name;
        if (!entry.NameIsUtf8)
        {
            return Invalid(entry, "The entry path is not valid UTF-8.");
        }

        if (name.Length == 0 || name.Any(char.IsControl))
        {
            return Invalid(entry, "The entry path is empty or contains control characters.");
        }

        if (name.StartsWith('/'))
        {
            return Slip(entry, "The entry path is absolute.");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return Slip(entry, "The entry path contains a backslash.");
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return Slip(entry, "The entry path starts with a drive letter.");
        }

        var segments = (entry.IsDirectory ? name[..^1] : name).Split('/');
        if (segments.Contains(".."))
        {
            return Slip(entry, "The entry path contains a '..' segment.");
        }

        if (segments.Any(s => s.Length == 0 || s == "."))
        {
            return Invalid(entry, "The entry path contains an empty or '.' segment.");
        }

        return null;
    }

    private static Finding Slip(ZipEntryRecord entry, string message) => Finding.Error(FindingCodes.EntryZipSlip, entry.Name, message);

    private static Finding Invalid(ZipEntryRecord entry, string message) => Finding.Error(FindingCodes.EntryInvalidName, entry.Name, message);
}
