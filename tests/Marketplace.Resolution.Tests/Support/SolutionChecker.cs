using Marketplace.Resolution.Ranges;
using Semver;

namespace Marketplace.Resolution.Tests.Support;

/// <summary>
/// Checks an assignment against the rules directly with <see cref="NpmRange.IsSatisfiedBy"/>, independent of
/// the solver's version-set algebra. Returns the first broken rule, or null.
/// </summary>
public static class SolutionChecker
{
    public static string? FindViolation(ResolutionProblem problem, IReadOnlyDictionary<string, string> solution)
    {
        foreach (var (id, version) in problem.Installed)
        {
            if (!solution.TryGetValue(id, out var chosen) || chosen != version) return $"installed {id} {version} changed to {chosen ?? "nothing"}";
        }

        foreach (var (id, range) in problem.Root)
        {
            if (!Matches(solution, id, range)) return $"root needs {id} {range}";
        }

        foreach (var (id, version) in solution)
        {
            if (!problem.Registry.TryGetValue(id, out var versions) || !versions.TryGetValue(version, out var info))
            {
                if (problem.Installed.GetValueOrDefault(id) == version) continue;
                return $"{id} {version} is not a known version";
            }

            foreach (var (target, range) in info.Dependencies)
            {
                if (!Matches(solution, target, range)) return $"{id} {version} needs {target} {range}";
            }

            foreach (var (target, range) in info.Conflicts)
            {
                if (solution.ContainsKey(target) && Matches(solution, target, range)) return $"{id} {version} conflicts with {target} {range}";
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyDictionary<string, string> solution, string id, string range) =>
        solution.TryGetValue(id, out var version) && NpmRange.Parse(range).IsSatisfiedBy(SemVersion.Parse(version, SemVersionStyles.Strict));
}
