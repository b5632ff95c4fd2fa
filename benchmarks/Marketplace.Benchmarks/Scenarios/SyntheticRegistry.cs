using Marketplace.Resolution;

namespace Marketplace.Benchmarks.Scenarios;

/// <summary>
/// A random registry of assets with 20 versions each (1.0.0 … 4.4.0). Dependencies only point to assets
/// with a higher index, so the graph is acyclic, and mix every range form. <c>narrowness</c> is the share of
/// dependencies pinned tightly (exact or tilde). With <c>splitRuntime</c>, every version of every asset also
/// needs a shared runtime asset, ^1 for even-numbered assets and ^2 for odd ones, so no selection that holds
/// both kinds can exist.
/// </summary>
public static class SyntheticRegistry
{
    private static readonly string[] Versions = [.. from major in Enumerable.Range(1, 4) from minor in Enumerable.Range(0, 5) select $"{major}.{minor}.0"];

    public static ResolutionProblem Create(int assetCount, int seed, double narrowness, bool splitRuntime = false, int rootCount = 10, int maxDependencies = 3)
    {
        var random = new Random(seed);
        var registry = new Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>>();
        for (var asset = 0; asset < assetCount; asset++)
        {
            var versions = new Dictionary<string, PackageVersionInfo>();
            foreach (var version in Versions)
            {
                var dependencies = new Dictionary<string, string>();
                var count = asset + 1 < assetCount ? random.Next(maxDependencies + 1) : 0;
                for (var i = 0; i < count; i++)
                {
                    // Prefer near neighbours so chains get long and paths meet (diamonds).
                    var target = Math.Min(assetCount - 1, asset + 1 + (int)Math.Abs(random.NextDouble() * random.NextDouble() * 40));
                    dependencies[Name(target)] = Range(random, narrowness);
                }

                if (splitRuntime) dependencies[RuntimeName] = asset % 2 == 0 ? "^1.0.0" : "^2.0.0";
                versions[version] = new PackageVersionInfo { Dependencies = dependencies };
            }

            registry[Name(asset)] = versions;
        }

        if (splitRuntime)
        {
            registry[RuntimeName] = new Dictionary<string, PackageVersionInfo> { ["1.0.0"] = PackageVersionInfo.Empty, ["2.0.0"] = PackageVersionInfo.Empty };
        }

        var root = Enumerable.Range(0, rootCount).ToDictionary(i => Name(i * 3), _ => "*");
        return new ResolutionProblem(registry, new Dictionary<string, string>(), root);
    }

    private static string Range(Random random, double narrowness)
    {
        var major = random.Next(1, 5);
        var minor = random.Next(0, 5);
        if (random.NextDouble() < narrowness)
        {
            return random.Next(2) == 0 ? $"{major}.{minor}.0" : $"~{major}.{minor}.0";
        }

        return random.Next(6) switch
        {
            0 => $"^{major}.0.0",
            1 => $">={major}.{minor}.0",
            2 => $"{major}.x",
            3 => $"{major}.{minor}.0 - 4",
            4 => $">={major}.0.0 <{major + 1}.0.0 || 4.x",
            _ => "*",
        };
    }

    private const string RuntimeName = "synthetic.runtime";

    private static string Name(int asset) => $"synthetic.a{asset:D3}";
}
