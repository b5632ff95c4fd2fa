using Marketplace.Domain.Findings;
using Semver;
using Codes = Marketplace.Domain.Installation.InstallationFindingCodes;

namespace Marketplace.Domain.Installation;

/// <summary>
/// Decides whether a resolved set of asset versions can be installed into a target. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Runtime ranges use npm semantics (a prerelease runtime only satisfies a range that names that prerelease's
/// version). Conflict ranges also match prereleases, because missing a conflict is the unsafe mistake.
/// An installed asset that a candidate replaces (same asset id, an upgrade or reinstall) is judged by the
/// candidate's manifest, not its own, and may keep the files it already owns.
/// </remarks>
public static class CompatibilityEvaluator
{
    /// <summary>Evaluates every rule and returns all the reasons, not just the first.</summary>
    public static CompatibilityVerdict Evaluate(CompatibilityRequest request)
    {
        var reasons = new List<Finding>();
        var runtime = ParseTargetRuntime(request.Target, reasons);
        foreach (var candidate in request.Candidates)
        {
            CheckSuspension(candidate, request.SuspendedAssetIds, reasons);
            CheckVersion(candidate.AssetId, candidate.Version, "candidate", reasons);
            CheckRuntime(candidate, request.Target, runtime, reasons);
            CheckProjectType(candidate, request.Target, reasons);
        }

        var candidateIds = request.Candidates.Select(c => c.AssetId).ToHashSet(StringComparer.Ordinal);
        var remaining = request.Installed.Where(i => !candidateIds.Contains(i.AssetId)).ToList();
        foreach (var installed in remaining)
        {
            CheckVersion(installed.AssetId, installed.Version, "installed", reasons);
        }

        ConflictRules.Check(request.Candidates, remaining, reasons);
        FileOwnershipRules.Check(request.Candidates, request.FileOwners, reasons);
        return CompatibilityVerdict.From(reasons);
    }

    private static SemVersion? ParseTargetRuntime(CompatibilityTarget target, List<Finding> reasons)
    {
        var runtime = VersionMatching.ParseVersion(target.Runtime);
        if (runtime is null)
        {
            reasons.Add(Finding.Error(Codes.InvalidRuntime, null,
                $"The target's runtime '{target.Runtime}' is not a SemVer 2.0.0 version (for example 9.0.0)."));
        }

        return runtime;
    }

    private static void CheckSuspension(CandidateAsset candidate, IReadOnlySet<string> suspended, List<Finding> reasons)
    {
        if (suspended.Contains(candidate.AssetId))
        {
            reasons.Add(Finding.Error(Codes.Suspended, null,
                $"{candidate.AssetId} is suspended and cannot be installed."));
        }
    }

    private static void CheckVersion(string assetId, string version, string role, List<Finding> reasons)
    {
        if (VersionMatching.ParseVersion(version) is null)
        {
            reasons.Add(Finding.Error(Codes.InvalidVersion, null,
                $"The {role} version '{version}' of {assetId} is not a SemVer 2.0.0 version."));
        }
    }

    private static void CheckRuntime(CandidateAsset candidate, CompatibilityTarget target, SemVersion? runtime, List<Finding> reasons)
    {
        if (string.IsNullOrWhiteSpace(candidate.RuntimeRange))
        {
            return;
        }

        var range = VersionMatching.ParseRange(candidate.RuntimeRange, includeAllPrerelease: false);
        if (range is null)
        {
            reasons.Add(Finding.Error(Codes.InvalidRange, null,
                $"{candidate.AssetId}@{candidate.Version} has an invalid compatibility.runtime range '{candidate.RuntimeRange}'."));
        }
        else if (runtime is not null && !range.Contains(runtime))
        {
            reasons.Add(Finding.Error(Codes.Runtime, null,
                $"{candidate.AssetId}@{candidate.Version} requires runtime '{candidate.RuntimeRange}', but the target's runtime is {target.Runtime}."));
        }
    }

    private static void CheckProjectType(CandidateAsset candidate, CompatibilityTarget target, List<Finding> reasons)
    {
        if (candidate.ProjectTypes.Count > 0 &&
            !candidate.ProjectTypes.Contains(target.ProjectType, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(Finding.Error(Codes.ProjectType, null,
                $"{candidate.AssetId}@{candidate.Version} supports project types [{string.Join(", ", candidate.ProjectTypes)}], but the target is '{target.ProjectType}'."));
        }
    }
}
