using Marketplace.Resolution;

namespace Marketplace.Benchmarks.Scenarios;

/// <summary>Hand-built worst cases for resolvers.</summary>
public static class PathologicalRegistries
{
    /// <summary>500 versions of one asset, every one depending on an asset that does not exist (pubgrub-rs took seconds here before its fixes).</summary>
    public static ResolutionProblem ManyVersionsNeedingAMissingAsset(int versionCount = 500)
    {
        var versions = Enumerable.Range(0, versionCount).ToDictionary(
            i => $"{i / 100 + 1}.{i % 100}.0",
            _ => new PackageVersionInfo { Dependencies = new Dictionary<string, string> { ["missing.asset"] = "^1.0.0" } });
        return new ResolutionProblem(
            new Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>> { ["many.versions"] = versions },
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["many.versions"] = "*" });
    }

    /// <summary>
    /// A chain c00 → c01 → … of <paramref name="depth"/> assets with <paramref name="versionCount"/> versions each:
    /// version k of a link needs version k of the next, but the last link only has 1.0.0. Newest-first picks
    /// the top version everywhere and must learn its way back down, link by link and version by version.
    /// </summary>
    public static ResolutionProblem DeepChain(int depth = 60, int versionCount = 20)
    {
        var registry = new Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>>();
        for (var link = 0; link < depth; link++)
        {
            var isLast = link == depth - 1;
            registry[Name(link)] = Enumerable.Range(1, isLast ? 1 : versionCount).ToDictionary(
                k => $"{k}.0.0",
                k => isLast
                    ? PackageVersionInfo.Empty
                    : new PackageVersionInfo { Dependencies = new Dictionary<string, string> { [Name(link + 1)] = $"^{k}.0.0" } });
        }

        return new ResolutionProblem(registry, new Dictionary<string, string>(), new Dictionary<string, string> { [Name(0)] = "*" });
    }

    private static string Name(int link) => $"chain.c{link:D2}";
}
