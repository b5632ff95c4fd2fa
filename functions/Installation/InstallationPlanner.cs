using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Installation;
using Marketplace.Domain.Packaging;
using Marketplace.Infrastructure.Installation;
using Marketplace.Infrastructure.Packages;
using Marketplace.Resolution;
using Marketplace.Resolution.Ranges;
using Semver;

namespace Marketplace.Functions.Installation;

/// <summary>What Evaluating decided: the version chosen and the verdict.</summary>
/// <param name="Version">The newest version in range that suits the target, or null.</param>
/// <param name="Verdict">Compatible, or the coded reasons why not.</param>
public sealed record EvaluationOutcome(string? Version, CompatibilityVerdict Verdict);

/// <summary>What Resolving decided.</summary>
/// <param name="Resolved">Every asset version the target will hold for this install (installed ones included).</param>
/// <param name="ToInstall">The versions to apply, dependencies before dependents.</param>
/// <param name="Findings">Conflicts or incompatibilities; empty when it can go on.</param>
/// <param name="Explanation">The resolver's explanation when there is no solution.</param>
public sealed record ResolutionOutcome(
    IReadOnlyList<AssetVersionRef> Resolved, IReadOnlyList<AssetVersionRef> ToInstall, IReadOnlyList<Finding> Findings, string? Explanation);

/// <summary>
/// Evaluating and Resolving, shared by the installation saga's activities and the plan endpoint, so a plan says
/// exactly what an installation would do. Reads only; changes nothing.
/// </summary>
public sealed class InstallationPlanner(ICatalogStore catalog, TableTargetStore targets, ReleasedPackageStore released)
{
    /// <summary>Chooses the newest Available version in range that suits the target, or explains why none does.</summary>
    public async Task<EvaluationOutcome> EvaluateAsync(TargetRecord target, string assetId, string? range, CancellationToken cancellationToken)
    {
        var snapshot = await CatalogSnapshot.LoadAsync(catalog, cancellationToken);
        if (!TryParseRange(range, out var versionRange, out var rangeError))
        {
            return new EvaluationOutcome(null, Incompatible("install.invalid-range", rangeError!));
        }

        var candidates = snapshot.Versions
            .Where(v => v.AssetId == assetId && versionRange!.IsSatisfiedBy(v.SemVersion))
            .OrderByDescending(v => v.SemVersion, SemVersion.PrecedenceComparer)
            .ToList();
        if (candidates.Count == 0)
        {
            return new EvaluationOutcome(null, Incompatible("install.no-version",
                $"No Available version of '{assetId}' satisfies '{range ?? "latest stable"}'."));
        }

        var context = await this.LoadTargetContextAsync(target, snapshot, cancellationToken);
        CompatibilityVerdict? first = null;
        foreach (var candidate in candidates)
        {
            var verdict = CompatibilityEvaluator.Evaluate(context.Request([await this.CandidateAsync(candidate, cancellationToken)]));
            if (verdict.Compatible)
            {
                return new EvaluationOutcome(candidate.Version, verdict);
            }

            first ??= verdict;
        }

        return new EvaluationOutcome(null, first!);
    }

    /// <summary>Resolves the dependencies of the chosen version over the catalogue, with installed assets fixed.</summary>
    public async Task<ResolutionOutcome> ResolveAsync(TargetRecord target, string assetId, string version, CancellationToken cancellationToken)
    {
        var snapshot = await CatalogSnapshot.LoadAsync(catalog, cancellationToken);
        var context = await this.LoadTargetContextAsync(target, snapshot, cancellationToken);

        // Only versions that suit the target's runtime and project type, of assets that are not suspended, are offered.
        var registry = new Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>>(StringComparer.Ordinal);
        foreach (var group in snapshot.Versions.Where(v => !snapshot.SuspendedAssetIds.Contains(v.AssetId) && SuitsTarget(v, target)).GroupBy(v => v.AssetId))
        {
            registry[group.Key] = group.ToDictionary(
                v => v.Version, v => new PackageVersionInfo { Dependencies = v.Dependencies, Conflicts = v.Conflicts }, StringComparer.Ordinal);
        }

        var installed = context.Installed.ToDictionary(i => i.AssetId, i => i.Version, StringComparer.Ordinal);
        var problem = new ResolutionProblem(registry, installed, new Dictionary<string, string> { [assetId] = version });
        var result = DependencyResolver.Resolve(problem, cancellationToken);
        if (result is ResolutionFailed failed)
        {
            var findings = failed.Conflicts.Select(c => Finding.Error("dependency.conflict", c.AssetId,
                $"{c.AssetId}: " + string.Join("; ", c.Ranges.Select(r => $"{r.Range} ({(r.Kind == RequirementKind.Excludes ? "excluded" : "required")} by {r.RequiredBy})")))).ToList();
            return new ResolutionOutcome([], [], findings, failed.Explanation);
        }

        var solution = ((ResolutionSucceeded)result).Solution;
        var resolved = solution.Select(kv => new AssetVersionRef(kv.Key, kv.Value)).ToList();
        var toInstall = Order(solution.Where(kv => !installed.TryGetValue(kv.Key, out var v) || v != kv.Value)
            .Select(kv => snapshot.Find(kv.Key, kv.Value)!).ToList());

        var candidates = new List<CandidateAsset>();
        foreach (var version2 in toInstall)
        {
            candidates.Add(await this.CandidateAsync(version2, cancellationToken));
        }

        var verdict = CompatibilityEvaluator.Evaluate(context.Request(candidates));
        return new ResolutionOutcome(resolved, [.. toInstall.Select(v => new AssetVersionRef(v.AssetId, v.Version))], verdict.Reasons.Where(r => r.IsError).ToList(), null);
    }

    /// <summary>The content paths of a released package.</summary>
    public async Task<IReadOnlyList<string>> ContentPathsAsync(string assetId, string version, CancellationToken cancellationToken)
    {
        await using var package = await released.OpenAsync(assetId, version, cancellationToken)
            ?? throw new InvalidOperationException($"The package of {assetId} {version} is missing from the released store.");
        var opening = await PackageReader.OpenAsync(package, PackageLimits.Default, cancellationToken);
        return opening.Reader is { } reader ? [.. reader.ContentEntries.Select(e => e.RelativePath)] : [];
    }

    private async Task<CandidateAsset> CandidateAsync(CatalogVersion version, CancellationToken cancellationToken) => new(
        version.AssetId, version.Version, version.Manifest.Compatibility?.Runtime,
        [.. (version.Manifest.Compatibility?.ProjectTypes ?? []).OfType<string>()], version.Conflicts,
        await this.ContentPathsAsync(version.AssetId, version.Version, cancellationToken));

    private async Task<TargetContext> LoadTargetContextAsync(TargetRecord target, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var installed = await targets.ListInstalledAssetsAsync(target.TenantId, target.TargetId, cancellationToken);
        var artifacts = await targets.ListArtifactsAsync(target.TenantId, target.TargetId, cancellationToken);
        var installedAssets = installed.Select(i => new InstalledAsset(
            i.AssetId, i.Version, snapshot.Find(i.AssetId, i.Version)?.Conflicts ?? new Dictionary<string, string>())).ToList();
        var owners = artifacts.GroupBy(a => a.Path).ToDictionary(g => g.Key, g => g.First().AssetId, StringComparer.Ordinal);
        return new TargetContext(target, installedAssets, snapshot.SuspendedAssetIds, owners);
    }

    private static bool SuitsTarget(CatalogVersion version, TargetRecord target) =>
        CompatibilityEvaluator.Evaluate(new CompatibilityRequest(
            new CompatibilityTarget(target.Runtime, target.ProjectType),
            [new CandidateAsset(version.AssetId, version.Version, version.Manifest.Compatibility?.Runtime,
                [.. (version.Manifest.Compatibility?.ProjectTypes ?? []).OfType<string>()], new Dictionary<string, string>(), [])],
            [], new HashSet<string>(), new Dictionary<string, string>())).Compatible;

    // Dependencies before dependents (the solution is acyclic only by accident, so visit once and tolerate cycles).
    private static List<CatalogVersion> Order(List<CatalogVersion> versions)
    {
        var byId = versions.ToDictionary(v => v.AssetId, StringComparer.Ordinal);
        var ordered = new List<CatalogVersion>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Visit(CatalogVersion v)
        {
            if (!visited.Add(v.AssetId))
            {
                return;
            }

            foreach (var dependency in v.Dependencies.Keys.Order(StringComparer.Ordinal))
            {
                if (byId.TryGetValue(dependency, out var d))
                {
                    Visit(d);
                }
            }

            ordered.Add(v);
        }

        foreach (var v in versions.OrderBy(v => v.AssetId, StringComparer.Ordinal))
        {
            Visit(v);
        }

        return ordered;
    }

    private static bool TryParseRange(string? range, out NpmRange? parsed, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(range))
        {
            parsed = NpmRange.Parse("*");
            return true;
        }

        return NpmRange.TryParse(range, out parsed, out error);
    }

    private static CompatibilityVerdict Incompatible(string code, string message) => new(false, [Finding.Error(code, null, message)]);

    private sealed record TargetContext(TargetRecord Target, IReadOnlyList<InstalledAsset> Installed, IReadOnlySet<string> Suspended, IReadOnlyDictionary<string, string> FileOwners)
    {
        public CompatibilityRequest Request(IReadOnlyList<CandidateAsset> candidates) => new(
            new CompatibilityTarget(this.Target.Runtime, this.Target.ProjectType), candidates, this.Installed, this.Suspended, this.FileOwners);
    }
}
