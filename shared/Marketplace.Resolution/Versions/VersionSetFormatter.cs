using System.Text;
using Semver;

namespace Marketplace.Resolution.Versions;

/// <summary>
/// Renders a <see cref="VersionSet"/> the way people write npm ranges. Internal bounds such as
/// <c>&lt;2.0.0-0</c> print as <c>&lt;2.0.0</c> and <c>&gt;=1.2.4-0</c> as <c>&gt;1.2.3</c>; the readings agree under npm's prerelease rule.
/// </summary>
internal static class VersionSetFormatter
{
    public static string Format(VersionSet set)
    {
        if (set.IsEmpty) return "<none>";
        if (set.IsAll) return "*";
        var builder = new StringBuilder();
        foreach (var interval in set.Intervals)
        {
            if (builder.Length > 0) builder.Append(" || ");
            AppendInterval(builder, interval);
        }

        return builder.ToString();
    }

    private static void AppendInterval(StringBuilder builder, VersionInterval interval)
    {
        var (lower, upper) = (interval.Lower, interval.Upper);
        if (upper is not null && VersionOrder.Compare(VersionOrder.Successor(lower), upper) == 0)
        {
            builder.Append(lower);
            return;
        }

        if (upper is not null && lower.IsRelease && VersionOrder.Compare(CaretUpper(lower), upper) == 0)
        {
            builder.Append('^').Append(lower);
            return;
        }

        var hasLower = VersionOrder.Compare(lower, VersionOrder.Lowest) != 0;
        if (hasLower) AppendLower(builder, lower);
        if (upper is not null)
        {
            if (hasLower) builder.Append(' ');
            builder.Append('<').Append(VersionOrder.IsFirstPrerelease(upper) ? upper.WithoutPrerelease() : upper);
        }
        else if (!hasLower)
        {
            builder.Append('*');
        }
    }

    private static void AppendLower(StringBuilder builder, SemVersion lower)
    {
        // A lower bound of M.m.p-0 with p > 0 is the successor of M.m.(p-1): print it as "> M.m.(p-1)".
        if (VersionOrder.IsFirstPrerelease(lower) && lower.Patch > 0)
        {
            builder.Append('>').Append(new SemVersion(lower.Major, lower.Minor, lower.Patch - 1));
            return;
        }

        builder.Append(">=").Append(lower);
    }

    private static SemVersion CaretUpper(SemVersion version) =>
        version.Major > 0 ? VersionOrder.FirstPrereleaseOf(version.Major + 1, 0, 0)
        : version.Minor > 0 ? VersionOrder.FirstPrereleaseOf(0, version.Minor + 1, 0)
        : VersionOrder.FirstPrereleaseOf(0, 0, version.Patch + 1);
}
