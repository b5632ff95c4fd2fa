using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// Turns a chosen version's requirements into incompatibilities. Neighbouring versions with the same
/// requirement share one incompatibility ("contoso.app &gt;=1.1.0 depends on contoso.log ^3.0.0"), which keeps
/// explanations short and lets one conflict rule out a whole run of versions at once.
/// </summary>
internal sealed class RequirementIncompatibilities(PackageUniverse universe)
{
    private readonly Dictionary<(int Package, int First, int Last, int Target, RequirementSource Source, string Range), Incompatibility> cache = [];
    private readonly HashSet<Incompatibility> returned = new(ReferenceEqualityComparer.Instance);

    /// <summary>The incompatibilities for <paramref name="package"/> at <paramref name="versionIndex"/> not handed out before.</summary>
    public IEnumerable<Incompatibility> For(int package, int versionIndex)
    {
        var versions = universe[package];
        foreach (var requirement in versions.Requirements[versionIndex])
        {
            var incompatibility = requirement.Package == package
                ? ForSelf(package, versionIndex, requirement)
                : ForRun(package, versionIndex, requirement);
            if (incompatibility is not null && returned.Add(incompatibility)) yield return incompatibility;
        }
    }

    private Incompatibility? ForSelf(int package, int versionIndex, Requirement requirement)
    {
        var version = universe[package].Versions[versionIndex];
        if (requirement.Versions.Contains(version) != requirement.IsConflict) return null;
        var key = (package, versionIndex, versionIndex, package, requirement.Source, requirement.Range.Text);
        if (!cache.TryGetValue(key, out var incompatibility))
        {
            incompatibility = Incompatibility.External(
                [new Term(package, Positive: true, VersionSet.Exactly(version))], new SelfRequirementCause(requirement));
            cache[key] = incompatibility;
        }

        return incompatibility;
    }

    private Incompatibility? ForRun(int package, int versionIndex, Requirement requirement)
    {
        // A conflict with a range no version can match can never fire.
        if (requirement.IsConflict && requirement.Versions.IsEmpty) return null;
        var versions = universe[package];
        var first = versionIndex;
        while (first > 0 && Shares(versions.Requirements[first - 1], requirement)) first--;
        var last = versionIndex;
        while (last < versions.Versions.Length - 1 && Shares(versions.Requirements[last + 1], requirement)) last++;

        var key = (package, first, last, requirement.Package, requirement.Source, requirement.Range.Text);
        if (cache.TryGetValue(key, out var cached)) return cached;

        // The run's bounds reach to the neighbouring versions, so "every version from 1.1.0 on" reads as ">=1.1.0".
        var lower = first == 0 ? VersionOrder.Lowest : versions.Versions[first];
        var upper = last == versions.Versions.Length - 1 ? null : versions.Versions[last + 1];
        var depender = new Term(package, Positive: true, VersionSet.Interval(lower, upper));
        var target = new Term(requirement.Package, Positive: requirement.IsConflict, requirement.Versions);
        // A dependency no version can meet forbids the run outright.
        Term[] terms = requirement.Versions.IsEmpty ? [depender] : [depender, target];
        var incompatibility = Incompatibility.External(terms, new RequirementCause(requirement));
        cache[key] = incompatibility;
        return incompatibility;
    }

    private static bool Shares(Requirement[] requirements, Requirement requirement)
    {
        foreach (var candidate in requirements)
        {
            if (candidate.Package == requirement.Package && candidate.Source == requirement.Source
                && string.Equals(candidate.Range.Text, requirement.Range.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
