using Semver;

namespace Marketplace.Domain.Installation;

/// <summary>SemVer parsing and npm-style range matching for installation checks.</summary>
internal static class VersionMatching
{
    private const int MaxRangeLength = 256;

    public static SemVersion? ParseVersion(string version) =>
        SemVersion.TryParse(version, SemVersionStyles.Strict, out var parsed) ? parsed : null;

    /// <summary>
    /// Parses an npm range. <paramref name="includeAllPrerelease"/> makes <c>*</c> and <c>&gt;=1.0.0</c> match
    /// prereleases too (used for conflicts, where missing a prerelease would be unsafe).
    /// </summary>
    public static SemVersionRange? ParseRange(string range, bool includeAllPrerelease) =>
        SemVersionRange.TryParseNpm(range, includeAllPrerelease, out var parsed, MaxRangeLength) ? parsed : null;
}
