using Semver;

namespace Marketplace.Resolution.Versions;

/// <summary>
/// The half-open interval [<see cref="Lower"/>, <see cref="Upper"/>): inclusive lower bound, exclusive
/// upper bound, <c>null</c> upper meaning unbounded. Inclusive upper and exclusive lower bounds are
/// expressed through <see cref="VersionOrder.Successor"/>, so equal sets have equal intervals.
/// </summary>
internal readonly record struct VersionInterval(SemVersion Lower, SemVersion? Upper)
{
    public bool IsEmpty => Upper is not null && VersionOrder.Compare(Lower, Upper) >= 0;

    public bool Contains(SemVersion version) =>
        VersionOrder.Compare(Lower, version) <= 0 && (Upper is null || VersionOrder.Compare(version, Upper) < 0);

    /// <summary>Compares two upper bounds, where <c>null</c> (unbounded) is the greatest.</summary>
    public static int CompareUpper(SemVersion? left, SemVersion? right) =>
        (left, right) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => VersionOrder.Compare(left, right),
        };

    /// <summary>True when <paramref name="version"/> lies at or beyond the upper bound.</summary>
    public static bool ReachesUpper(SemVersion version, SemVersion? upper) =>
        upper is not null && VersionOrder.Compare(version, upper) >= 0;
}
