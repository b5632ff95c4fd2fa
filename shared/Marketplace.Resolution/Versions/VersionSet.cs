using Semver;

namespace Marketplace.Resolution.Versions;

/// <summary>
/// An immutable set of versions: a union of disjoint intervals ordered by SemVer precedence (build
/// metadata ignored). It supplies the algebra PubGrub needs and the <c>Semver</c> package lacks:
/// intersection, union, complement and subset tests. Sets are canonical, so equal sets compare equal.
/// </summary>
/// <remarks>
/// This is a pure set: npm's prerelease rule is not a set property and lives in <see cref="Ranges.NpmRange"/>.
/// </remarks>
public sealed class VersionSet : IEquatable<VersionSet>
{
    private readonly VersionInterval[] intervals;

    private VersionSet(VersionInterval[] intervals) => this.intervals = intervals;

    /// <summary>The set with no versions.</summary>
    public static VersionSet Empty { get; } = new([]);

    /// <summary>The set of every version, prereleases included.</summary>
    public static VersionSet All { get; } = new([new VersionInterval(VersionOrder.Lowest, null)]);

    /// <summary>True when the set holds no version.</summary>
    public bool IsEmpty => intervals.Length == 0;

    /// <summary>True when the set holds every version.</summary>
    public bool IsAll => intervals.Length == 1 && intervals[0].Upper is null
        && VersionOrder.Compare(intervals[0].Lower, VersionOrder.Lowest) == 0;

    internal IReadOnlyList<VersionInterval> Intervals => intervals;

    /// <summary>The set holding only <paramref name="version"/> (by precedence).</summary>
    public static VersionSet Exactly(SemVersion version)
    {
        var lower = VersionOrder.WithoutMetadata(version);
        return new([new VersionInterval(lower, VersionOrder.Successor(lower))]);
    }

    /// <summary>The versions greater than or equal to <paramref name="version"/>.</summary>
    public static VersionSet AtLeast(SemVersion version) =>
        new([new VersionInterval(VersionOrder.WithoutMetadata(version), null)]);

    /// <summary>The versions strictly less than <paramref name="version"/>.</summary>
    public static VersionSet LessThan(SemVersion version) =>
        Interval(VersionOrder.Lowest, version);

    /// <summary>The versions from <paramref name="lower"/> (inclusive) up to <paramref name="upper"/> (exclusive; null for unbounded).</summary>
    internal static VersionSet Interval(SemVersion lower, SemVersion? upper)
    {
        var interval = new VersionInterval(VersionOrder.WithoutMetadata(lower), upper is null ? null : VersionOrder.WithoutMetadata(upper));
        return interval.IsEmpty ? Empty : new([interval]);
    }

    /// <summary>True when <paramref name="version"/> is in the set.</summary>
    public bool Contains(SemVersion version)
    {
        // Binary search for the last interval whose lower bound is at or below the version.
        int low = 0, high = intervals.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (VersionOrder.Compare(intervals[mid].Lower, version) <= 0)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found >= 0 && !VersionInterval.ReachesUpper(version, intervals[found].Upper);
    }

    /// <summary>The versions in both sets.</summary>
    public VersionSet Intersect(VersionSet other)
    {
        if (IsEmpty || other.IsAll) return this;
        if (other.IsEmpty || IsAll) return other;

        var result = new List<VersionInterval>();
        int i = 0, j = 0;
        while (i < intervals.Length && j < other.intervals.Length)
        {
            var a = intervals[i];
            var b = other.intervals[j];
            var lower = VersionOrder.Compare(a.Lower, b.Lower) >= 0 ? a.Lower : b.Lower;
            var upperOrder = VersionInterval.CompareUpper(a.Upper, b.Upper);
            var upper = upperOrder <= 0 ? a.Upper : b.Upper;
            var piece = new VersionInterval(lower, upper);
            if (!piece.IsEmpty) result.Add(piece);
            if (upperOrder <= 0) i++;
            if (upperOrder >= 0) j++;
        }

        return new([.. result]);
    }

    /// <summary>The versions in either set.</summary>
    public VersionSet Union(VersionSet other)
    {
        if (IsEmpty || other.IsAll) return other;
        if (other.IsEmpty || IsAll) return this;

        var merged = new List<VersionInterval>(intervals.Length + other.intervals.Length);
        int i = 0, j = 0;
        while (i < intervals.Length || j < other.intervals.Length)
        {
            var next = j >= other.intervals.Length
                || (i < intervals.Length && VersionOrder.Compare(intervals[i].Lower, other.intervals[j].Lower) <= 0)
                ? intervals[i++]
                : other.intervals[j++];
            AppendMerging(merged, next);
        }

        return new([.. merged]);
    }

    /// <summary>The versions not in this set.</summary>
    public VersionSet Complement()
    {
        if (IsEmpty) return All;
        if (IsAll) return Empty;

        var result = new List<VersionInterval>(intervals.Length + 1);
        SemVersion? gapStart = VersionOrder.Lowest;
        foreach (var interval in intervals)
        {
            var gap = new VersionInterval(gapStart!, interval.Lower);
            if (!gap.IsEmpty) result.Add(gap);
            gapStart = interval.Upper;
        }

        if (gapStart is not null) result.Add(new VersionInterval(gapStart, null));
        return new([.. result]);
    }

    /// <summary>The versions in this set and not in <paramref name="other"/>.</summary>
    public VersionSet Difference(VersionSet other) =>
        other.IsEmpty || IsEmpty ? this : Intersect(other.Complement());

    /// <summary>True when every version of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(VersionSet other)
    {
        // Intervals are maximal, so each interval of a subset lies inside one interval of the superset.
        var j = 0;
        foreach (var interval in intervals)
        {
            while (j < other.intervals.Length && VersionInterval.CompareUpper(other.intervals[j].Upper, interval.Lower) <= 0) j++;
            if (j == other.intervals.Length) return false;
            var container = other.intervals[j];
            if (VersionOrder.Compare(container.Lower, interval.Lower) > 0
                || VersionInterval.CompareUpper(container.Upper, interval.Upper) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no version is in both sets.</summary>
    public bool IsDisjointFrom(VersionSet other)
    {
        int i = 0, j = 0;
        while (i < intervals.Length && j < other.intervals.Length)
        {
            var a = intervals[i];
            var b = other.intervals[j];
            var lower = VersionOrder.Compare(a.Lower, b.Lower) >= 0 ? a.Lower : b.Lower;
            var upperOrder = VersionInterval.CompareUpper(a.Upper, b.Upper);
            if (!new VersionInterval(lower, upperOrder <= 0 ? a.Upper : b.Upper).IsEmpty) return false;
            if (upperOrder <= 0) i++;
            if (upperOrder >= 0) j++;
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(VersionSet? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (intervals.Length != other.intervals.Length) return false;
        for (var k = 0; k < intervals.Length; k++)
        {
            if (VersionOrder.Compare(intervals[k].Lower, other.intervals[k].Lower) != 0
                || VersionInterval.CompareUpper(intervals[k].Upper, other.intervals[k].Upper) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VersionSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in intervals)
        {
            hash.Add(interval.Lower.WithoutMetadata().GetHashCode());
            hash.Add(interval.Upper?.WithoutMetadata().GetHashCode() ?? 0);
        }

        return hash.ToHashCode();
    }

    /// <summary>An npm-style rendering, e.g. <c>^1.2.0</c>, <c>&gt;=1.0.0 &lt;1.4.0 || 2.0.0</c>.</summary>
    public override string ToString() => VersionSetFormatter.Format(this);

    private static void AppendMerging(List<VersionInterval> merged, VersionInterval next)
    {
        if (merged.Count > 0)
        {
            var last = merged[^1];
            // Half-open intervals touch when the next one starts at or before the last one's end.
            if (last.Upper is null || VersionOrder.Compare(next.Lower, last.Upper) <= 0)
            {
                if (VersionInterval.CompareUpper(next.Upper, last.Upper) > 0) merged[^1] = last with { Upper = next.Upper };
                return;
            }
        }

        merged.Add(next);
    }
}
