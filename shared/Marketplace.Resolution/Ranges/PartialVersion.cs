using System.Numerics;
using System.Text.RegularExpressions;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Ranges;

/// <summary>
/// A version as written in an npm range, where trailing parts may be missing or wildcards
/// (<c>1</c>, <c>1.x</c>, <c>1.2.*</c>). A null part is a wildcard; a prerelease needs all three parts.
/// </summary>
internal sealed partial record PartialVersion(BigInteger? Major, BigInteger? Minor, BigInteger? Patch, SemVersion? Full)
{
    public bool IsFull => Full is not null;

    public static PartialVersion? TryParse(string text)
    {
        if (text.Length > 0 && (text[0] == 'v' || text[0] == 'V')) text = text[1..];
        var match = Shape().Match(text);
        if (!match.Success) return null;

        var major = Number(match.Groups["major"]);
        var minor = major is null ? null : Number(match.Groups["minor"]);
        var patch = minor is null ? null : Number(match.Groups["patch"]);
        var hasTail = match.Groups["pre"].Success || match.Groups["build"].Success;
        if (patch is null)
        {
            // A prerelease or build tag only makes sense on a full version.
            return hasTail ? null : new PartialVersion(major, minor, null, null);
        }

        var full = VersionOrder.TryParse(text);
        return full is null ? null : new PartialVersion(major, minor, patch, VersionOrder.WithoutMetadata(full));
    }

    private static BigInteger? Number(Group group) =>
        group.Success && group.Value is not ("x" or "X" or "*") ? BigInteger.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<major>0|[1-9][0-9]*|[xX*])(?:\.(?<minor>0|[1-9][0-9]*|[xX*])(?:\.(?<patch>0|[1-9][0-9]*|[xX*])(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
