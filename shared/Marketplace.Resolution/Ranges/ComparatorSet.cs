using System.Numerics;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Ranges;

/// <summary>
/// One <c>||</c> alternative of an npm range: the versions its comparators allow together, and the
/// release tuples (major.minor.patch) whose prereleases it names, which npm's prerelease rule needs.
/// </summary>
internal sealed record ComparatorSet(VersionSet Versions, IReadOnlySet<(BigInteger Major, BigInteger Minor, BigInteger Patch)> PrereleaseTuples)
{
    /// <summary>npm's rule: a prerelease matches only if a comparator names a prerelease of the same tuple.</summary>
    public bool IsSatisfiedBy(SemVersion version) =>
        Versions.Contains(version)
        && (version.IsRelease || PrereleaseTuples.Contains((version.Major, version.Minor, version.Patch)));
}
