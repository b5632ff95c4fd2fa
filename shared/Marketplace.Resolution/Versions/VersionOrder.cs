using System.Numerics;
using Semver;

namespace Marketplace.Resolution.Versions;

/// <summary>
/// Precedence helpers over <see cref="SemVersion"/>: ordering ignores build metadata, and every
/// version has an immediate successor, which lets version sets use half-open intervals only.
/// </summary>
internal static class VersionOrder
{
    private static readonly PrereleaseIdentifier Zero = new(BigInteger.Zero);

    /// <summary>The lowest version there is: <c>0.0.0-0</c>.</summary>
    public static SemVersion Lowest { get; } = new(0, 0, 0, [Zero]);

    public static int Compare(SemVersion left, SemVersion right) => SemVersion.ComparePrecedence(left, right);

    /// <summary>
    /// The smallest version greater than <paramref name="version"/>: <c>1.2.3</c> is followed by
    /// <c>1.2.4-0</c>, and <c>1.2.3-beta</c> by <c>1.2.3-beta.0</c>.
    /// </summary>
    public static SemVersion Successor(SemVersion version) =>
        version.IsPrerelease
            ? new SemVersion(version.Major, version.Minor, version.Patch, version.PrereleaseIdentifiers.Append(Zero))
            : new SemVersion(version.Major, version.Minor, version.Patch + 1, [Zero]);

    /// <summary>The lowest prerelease of a release tuple: <c>M.m.p-0</c>, the bound npm uses for "below M.m.p".</summary>
    public static SemVersion FirstPrereleaseOf(BigInteger major, BigInteger minor, BigInteger patch) =>
        new(major, minor, patch, [Zero]);

    /// <summary>True when <paramref name="version"/> is <c>M.m.p-0</c>, the bottom of its release tuple.</summary>
    public static bool IsFirstPrerelease(SemVersion version) =>
        version.PrereleaseIdentifiers.Count == 1 && version.PrereleaseIdentifiers[0] == Zero;

    public static SemVersion WithoutMetadata(SemVersion version) =>
        version.MetadataIdentifiers.Count == 0 ? version : version.WithoutMetadata();

    /// <summary>Parses a strict SemVer 2.0.0 version, or returns null.</summary>
    public static SemVersion? TryParse(string? text) =>
        text is not null && SemVersion.TryParse(text, SemVersionStyles.Strict, out var version) ? version : null;
}
