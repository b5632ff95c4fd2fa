using CsCheck;

namespace Marketplace.Resolution.Tests.Support;

/// <summary>
/// Random versions, npm ranges of every form, and small registries. Parts come from small pools so that
/// ranges, bounds and registry versions collide often, which is where the edge cases are.
/// </summary>
public static class Generators
{
    private static readonly Gen<int> Part = Gen.Int[0, 3];

    private static readonly Gen<string> PrereleaseTag = Gen.OneOf("0", "alpha", "alpha.1", "beta", "beta.2", "rc.1");

    /// <summary>A full version, a third of them prereleases.</summary>
    public static Gen<string> Version { get; } =
        from major in Part
        from minor in Part
        from patch in Part
        from tag in Gen.Frequency((2, Gen.Const("")), (1, PrereleaseTag.Select(t => "-" + t)))
        select $"{major}.{minor}.{patch}{tag}";

    /// <summary>A version as written in a range: full, partial, or with wildcards.</summary>
    public static Gen<string> Partial { get; } = Gen.Frequency(
        (4, Version),
        (1, Part.Select(major => $"{major}")),
        (1, Gen.Select(Part, Part, (major, minor) => $"{major}.{minor}")),
        (1, Gen.Select(Part, Gen.OneOf("x", "X", "*"), (major, x) => $"{major}.{x}")),
        (1, Gen.Select(Part, Part, (major, minor) => $"{major}.{minor}.x")),
        (1, Gen.OneOf("*", "x")));

    /// <summary>One comparator: operator (or caret/tilde/none) and a partial version.</summary>
    public static Gen<string> Comparator { get; } =
        Gen.Select(Gen.OneOf("", "=", "^", "~", ">", ">=", "<", "<="), Partial, (op, version) => op + version);

    /// <summary>A comparator set: a hyphen range or one or two comparators joined by a space.</summary>
    public static Gen<string> ComparatorSet { get; } = Gen.Frequency(
        (3, Comparator),
        (2, Gen.Select(Comparator, Comparator, (a, b) => $"{a} {b}")),
        (1, Gen.Select(Partial, Partial, (a, b) => $"{a} - {b}")));

    /// <summary>An npm range of any form, including <c>||</c> unions.</summary>
    public static Gen<string> Range { get; } = Gen.Frequency(
        (3, ComparatorSet),
        (1, Gen.Select(ComparatorSet, ComparatorSet, (a, b) => $"{a} || {b}")));

    /// <summary>A small problem: up to four assets, up to four versions each, random dependencies, conflicts and pins.</summary>
    public static Gen<ResolutionProblem> Problem { get; } =
        from assetCount in Gen.Int[1, 4]
        from versions in Version.HashSet[1, 4].Array[assetCount]
        from requirements in Requirement(assetCount).Array[0, 3].Array[16]
        from root in Requirement(assetCount).Array[1, 2]
        from pin in Gen.Int[-1, assetCount - 1]
        from pinChoice in Gen.Int[0, 4]
        select Build(versions, requirements, root, pin, pinChoice);

    private static Gen<(int Target, string Range, bool IsConflict)> Requirement(int assetCount) =>
        from target in Gen.Int[0, assetCount] // assetCount itself names an asset that does not exist
        from range in Range
        from isConflict in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        select (target, range, isConflict);

    private static ResolutionProblem Build(
        HashSet<string>[] versions,
        (int Target, string Range, bool IsConflict)[][] requirements,
        (int Target, string Range, bool IsConflict)[] root,
        int pin,
        int pinChoice)
    {
        var builder = new ProblemBuilder();
        var slot = 0;
        for (var asset = 0; asset < versions.Length; asset++)
        {
            // Versions equal by precedence would be a malformed problem; keep one of each.
            foreach (var version in versions[asset].DistinctBy(v => v.Split('+')[0]))
            {
                var own = requirements[slot++ % requirements.Length];
                builder.Add($"{Name(asset)} {version}", [.. own.Where(r => r.Target != asset || !r.IsConflict).Select(Describe)]);
            }
        }

        foreach (var (target, range, _) in root) builder.Root(Name(target), range);
        if (pin >= 0)
        {
            var listed = versions[pin].ToArray();
            // Now and then pin a version the registry no longer lists.
            builder.Installed(Name(pin), pinChoice < listed.Length ? listed[pinChoice] : "9.9.9");
        }

        return builder.Build();
    }

    private static string Describe((int Target, string Range, bool IsConflict) requirement) =>
        $"{(requirement.IsConflict ? "!" : "")}{Name(requirement.Target)} {requirement.Range}";

    private static string Name(int asset) => $"p{asset}";
}
