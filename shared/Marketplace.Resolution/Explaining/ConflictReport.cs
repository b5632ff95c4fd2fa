using Marketplace.Resolution.Solving;
using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Explaining;

/// <summary>
/// Lists, from the facts a failure proof rests on, each asset whose ranges cannot all hold, with every
/// range on it and the dependency path that asked for it (like NuGet's NU1107).
/// </summary>
internal sealed class ConflictReport
{
    private readonly PackageUniverse universe;
    private readonly List<Incompatibility> facts = [];
    private readonly Dictionary<int, string> paths = [];

    private ConflictReport(PackageUniverse universe, Incompatibility failure)
    {
        this.universe = universe;
        CollectFacts(failure, new HashSet<Incompatibility>(ReferenceEqualityComparer.Instance));
        TracePaths();
    }

    /// <summary>The conflicting assets behind <paramref name="failure"/>, ordered by asset id.</summary>
    public static IReadOnlyList<AssetConflict> Build(PackageUniverse universe, Incompatibility failure) =>
        new ConflictReport(universe, failure).Conflicts();

    private void CollectFacts(Incompatibility incompatibility, HashSet<Incompatibility> seen)
    {
        if (!seen.Add(incompatibility)) return;
        if (incompatibility.Cause is DerivedCause cause)
        {
            CollectFacts(cause.Conflict, seen);
            CollectFacts(cause.Other, seen);
        }
        else
        {
            facts.Add(incompatibility);
        }
    }

    /// <summary>Shortest dependency path from the root to each package, over the dependencies in the proof.</summary>
    private void TracePaths()
    {
        paths[PackageUniverse.Root] = PackageUniverse.RootName;
        var frontier = new Queue<int>([PackageUniverse.Root]);
        while (frontier.Count > 0)
        {
            var package = frontier.Dequeue();
            foreach (var fact in facts)
            {
                if (fact.Cause is not RequirementCause { Requirement: { IsConflict: false } requirement } || fact.Terms[0].Package != package) continue;
                if (paths.ContainsKey(requirement.Package)) continue;
                paths[requirement.Package] = requirement.Source == RequirementSource.Installed ? "installed" : RequiredBy(fact.Terms[0]);
                frontier.Enqueue(requirement.Package);
            }
        }
    }

    private List<AssetConflict> Conflicts()
    {
        var ranges = new Dictionary<int, List<(RangeRequirement Range, Requirement Requirement)>>();
        var unavailable = new HashSet<int>();
        foreach (var fact in facts)
        {
            switch (fact.Cause)
            {
                case RequirementCause { Requirement: var requirement }:
                    AddRange(ranges, requirement, fact.Terms[0]);
                    break;
                case SelfRequirementCause { Requirement: var requirement }:
                    AddRange(ranges, requirement, fact.Terms[0]);
                    break;
                case NoVersionsCause:
                    unavailable.Add(fact.Terms[0].Package);
                    break;
            }
        }

        var conflicting = ranges.Keys.Where(package => unavailable.Contains(package) || !CanAllHold(package, ranges[package])).ToList();
        // A conflict spread over several assets has no single culprit: show the assets asked for more than once.
        if (conflicting.Count == 0) conflicting = [.. ranges.Keys.Where(package => ranges[package].Count > 1)];
        if (conflicting.Count == 0) conflicting = [.. ranges.Keys];

        return
        [
            .. conflicting
                .Select(package => new AssetConflict(universe.NameOf(package), [.. ranges[package].Select(entry => entry.Range).Distinct()]))
                .OrderBy(conflict => conflict.AssetId, StringComparer.Ordinal),
        ];
    }

    private void AddRange(Dictionary<int, List<(RangeRequirement, Requirement)>> ranges, Requirement requirement, Term depender)
    {
        if (!ranges.TryGetValue(requirement.Package, out var list)) ranges[requirement.Package] = list = [];
        var (range, requiredBy) = requirement.Source == RequirementSource.Installed
            ? (universe.Installed[requirement.Package], "installed")
            : (requirement.Range.Text, RequiredBy(depender));
        list.Add((new RangeRequirement(range, requiredBy, requirement.IsConflict ? RequirementKind.Excludes : RequirementKind.Requires), requirement));
    }

    /// <summary>True when some known version matches every required range and no excluding one.</summary>
    private bool CanAllHold(int package, List<(RangeRequirement Range, Requirement Requirement)> ranges)
    {
        var allowed = VersionSet.All;
        foreach (var (_, requirement) in ranges)
        {
            allowed = requirement.IsConflict ? allowed.Difference(requirement.Versions) : allowed.Intersect(requirement.Versions);
        }

        return universe[package].Versions.Any(allowed.Contains);
    }

    /// <summary>"root", or the path to the depending versions: "root &gt; contoso.app 1.1.0".</summary>
    private string RequiredBy(Term depender)
    {
        if (depender.Package == PackageUniverse.Root) return PackageUniverse.RootName;
        var prefix = paths.TryGetValue(depender.Package, out var path) ? path + " > " : "";
        return prefix + DescribeVersions(depender);
    }

    private string DescribeVersions(Term depender)
    {
        var package = universe[depender.Package];
        var matching = Enumerable.Range(0, package.Versions.Length).Where(i => depender.Versions.Contains(package.Versions[i])).ToList();
        if (matching.Count == 1) return $"{package.Id} {package.Texts[matching[0]]}";
        return depender.Versions.IsAll ? package.Id : $"{package.Id} {depender.Versions}";
    }
}
