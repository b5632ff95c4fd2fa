using Marketplace.Resolution.Ranges;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// A validated, indexed view of a <see cref="ResolutionProblem"/>: packages by number (0 is the root),
/// versions sorted by precedence, and every range parsed into a set over the known versions.
/// </summary>
internal sealed class PackageUniverse
{
    public const int Root = 0;
    public const string RootName = "root";

    private static readonly SemVersion RootVersion = new(0, 0, 0);

    private readonly List<PackageVersions> packages = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Package, string Range), VersionSet> rangeSets = [];

    // Registries repeat the same few range and version strings thousands of times: parse each once.
    private readonly Dictionary<string, NpmRange> parsedRanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SemVersion?> parsedVersions = new(StringComparer.Ordinal);

    private PackageUniverse()
    {
        packages.Add(new PackageVersions(RootName, exists: true) { Versions = [RootVersion], Texts = ["0.0.0"] });
    }

    public int Count => packages.Count;

    public PackageVersions this[int package] => packages[package];

    public string NameOf(int package) => packages[package].Id;

    /// <summary>Installed versions by package, for explanations and paths.</summary>
    public Dictionary<int, string> Installed { get; } = [];

    /// <summary>Builds the universe.</summary>
    /// <exception cref="InvalidResolutionProblemException">A version or range in the problem is invalid.</exception>
    public static PackageUniverse Build(ResolutionProblem problem)
    {
        var universe = new PackageUniverse();
        var infos = universe.CollectVersions(problem);
        universe.AddRequirements(problem, infos);
        return universe;
    }

    private Dictionary<int, PackageVersionInfo[]> CollectVersions(ResolutionProblem problem)
    {
        var infos = new Dictionary<int, PackageVersionInfo[]>();
        foreach (var (assetId, versions) in problem.Registry.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var parsed = new List<(SemVersion Version, string Text, PackageVersionInfo Info)>();
            foreach (var (text, info) in versions)
            {
                var version = ParseVersion(text)
                    ?? throw new InvalidResolutionProblemException($"Asset '{assetId}' lists version '{text}', which is not a SemVer 2.0.0 version.");
                parsed.Add((version, text, info ?? PackageVersionInfo.Empty));
            }

            if (problem.Installed.TryGetValue(assetId, out var installedText))
            {
                var installed = ParseInstalled(assetId, installedText);
                if (!parsed.Any(entry => entry.Version.PrecedenceEquals(installed)))
                {
                    // Installed but no longer listed: it stays, with nothing known about what it needs.
                    parsed.Add((installed, installedText, PackageVersionInfo.Empty));
                }
            }

            infos[Intern(assetId, exists: true)] = Sort(assetId, parsed);
        }

        foreach (var (assetId, text) in problem.Installed.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!problem.Registry.ContainsKey(assetId))
            {
                infos[Intern(assetId, exists: true)] = Sort(assetId, [(ParseInstalled(assetId, text), text, PackageVersionInfo.Empty)]);
            }
        }

        return infos;
    }

    private PackageVersionInfo[] Sort(string assetId, List<(SemVersion Version, string Text, PackageVersionInfo Info)> parsed)
    {
        parsed.Sort((left, right) => VersionOrder.Compare(left.Version, right.Version));
        for (var i = 1; i < parsed.Count; i++)
        {
            if (parsed[i].Version.PrecedenceEquals(parsed[i - 1].Version))
            {
                throw new InvalidResolutionProblemException(
                    $"Asset '{assetId}' lists the same version twice: '{parsed[i - 1].Text}' and '{parsed[i].Text}' (build metadata does not count).");
            }
        }

        var package = packages[ids[assetId]];
        package.Versions = [.. parsed.Select(entry => entry.Version)];
        package.Texts = [.. parsed.Select(entry => entry.Text)];
        return [.. parsed.Select(entry => entry.Info)];
    }

    private SemVersion? ParseVersion(string text)
    {
        if (!parsedVersions.TryGetValue(text, out var version)) parsedVersions[text] = version = VersionOrder.TryParse(text);
        return version;
    }

    private static SemVersion ParseInstalled(string assetId, string? text) =>
        VersionOrder.TryParse(text)
        ?? throw new InvalidResolutionProblemException($"Installed asset '{assetId}' has version '{text}', which is not a SemVer 2.0.0 version.");

    private void AddRequirements(ResolutionProblem problem, Dictionary<int, PackageVersionInfo[]> infos)
    {
        // Intern every target first so each range is parsed against the final version lists.
        foreach (var info in infos.Values.SelectMany(list => list))
        {
            foreach (var target in info.Dependencies.Keys.Concat(info.Conflicts.Keys)) Intern(target, exists: false);
        }

        foreach (var target in problem.Root.Keys) Intern(target, exists: false);

        foreach (var (package, versionInfos) in infos)
        {
            var entry = packages[package];
            entry.Requirements = new Requirement[versionInfos.Length][];
            for (var i = 0; i < versionInfos.Length; i++)
            {
                var (id, text) = (entry.Id, entry.Texts[i]);
                entry.Requirements[i] =
                [
                    .. Requirements(versionInfos[i].Dependencies, isConflict: false, () => $"Asset '{id}' version {text} depends on"),
                    .. Requirements(versionInfos[i].Conflicts, isConflict: true, () => $"Asset '{id}' version {text} conflicts with"),
                ];
            }
        }

        var root = packages[Root];
        var rootRequirements = Requirements(problem.Root, isConflict: false, () => "The root requests");
        foreach (var (assetId, text) in problem.Installed.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var package = ids[assetId];
            var version = packages[package].Versions[packages[package].IndexOf(VersionOrder.TryParse(text)!)];
            Installed[package] = text;
            rootRequirements.Add(new Requirement(package, NpmRange.Parse(version.ToString()), VersionSet.Exactly(version), RequirementSource.Installed));
        }

        root.Requirements = [[.. rootRequirements]];
    }

    /// <summary>The requirements of one version, ordered by target id; <paramref name="owner"/> words error messages.</summary>
    private List<Requirement> Requirements(IReadOnlyDictionary<string, string> ranges, bool isConflict, Func<string> owner)
    {
        var requirements = new List<Requirement>(ranges.Count);
        if (ranges.Count == 0) return requirements;
        foreach (var (target, text) in ranges)
        {
            if (!parsedRanges.TryGetValue(text, out var range))
            {
                if (!NpmRange.TryParse(text, out range, out var error))
                {
                    throw new InvalidResolutionProblemException($"{owner()} '{target}' with range '{text}', which is not valid: {error}.");
                }

                parsedRanges[text] = range;
            }

            var package = ids[target];
            requirements.Add(new Requirement(package, range, SetOf(package, range), isConflict ? RequirementSource.Conflict : RequirementSource.Dependency));
        }

        // Dictionary order is not guaranteed; a fixed order keeps solving and explanations deterministic.
        if (requirements.Count > 1) requirements.Sort((left, right) => string.CompareOrdinal(packages[left.Package].Id, packages[right.Package].Id));
        return requirements;
    }

    /// <summary>The range as a set over the package's known versions, npm's prerelease rule applied.</summary>
    private VersionSet SetOf(int package, NpmRange range)
    {
        if (rangeSets.TryGetValue((package, range.Text), out var cached)) return cached;
        var set = range.Versions;
        foreach (var version in packages[package].Versions)
        {
            if (version.IsPrerelease && set.Contains(version) && !range.IsSatisfiedBy(version))
            {
                set = set.Difference(VersionSet.Exactly(version));
            }
        }

        rangeSets[(package, range.Text)] = set;
        return set;
    }

    private int Intern(string assetId, bool exists)
    {
        if (ids.TryGetValue(assetId, out var existing)) return existing;
        var package = packages.Count;
        ids[assetId] = package;
        packages.Add(new PackageVersions(assetId, exists));
        return package;
    }
}
