using Marketplace.Domain.Findings;
using Codes = Marketplace.Domain.Installation.InstallationFindingCodes;

namespace Marketplace.Domain.Installation;

/// <summary>The <c>conflicts</c> rules, in both directions: candidate against installed, installed against candidate, and candidate against candidate.</summary>
internal static class ConflictRules
{
    public static void Check(IReadOnlyList<CandidateAsset> candidates, IReadOnlyList<InstalledAsset> installed, List<Finding> reasons)
    {
        foreach (var candidate in candidates)
        {
            foreach (var other in installed)
            {
                // The candidate declares a conflict with an installed version.
                Match(candidate.AssetId, candidate.Version, candidate.Conflicts, "candidate", other.AssetId, other.Version, "installed", reasons);

                // An installed asset declares a conflict with the candidate version.
                Match(other.AssetId, other.Version, other.Conflicts, "installed", candidate.AssetId, candidate.Version, "candidate", reasons);
            }

            foreach (var other in candidates.Where(c => !ReferenceEquals(c, candidate) && c.AssetId != candidate.AssetId))
            {
                Match(candidate.AssetId, candidate.Version, candidate.Conflicts, "candidate", other.AssetId, other.Version, "candidate", reasons);
            }
        }
    }

    private static void Match(
        string declarer, string declarerVersion, IReadOnlyDictionary<string, string> conflicts, string declarerRole,
        string subject, string subjectVersion, string subjectRole, List<Finding> reasons)
    {
        if (declarer == subject || !conflicts.TryGetValue(subject, out var rangeText))
        {
            return;
        }

        var range = VersionMatching.ParseRange(rangeText, includeAllPrerelease: true);
        if (range is null)
        {
            reasons.Add(Finding.Error(Codes.InvalidRange, null,
                $"The {declarerRole} {declarer}@{declarerVersion} has an invalid conflicts range '{rangeText}' for {subject}."));
            return;
        }

        if (VersionMatching.ParseVersion(subjectVersion) is { } version && range.Contains(version))
        {
            reasons.Add(Finding.Error(Codes.Conflict, null,
                $"The {declarerRole} {declarer}@{declarerVersion} conflicts with {subject} '{rangeText}', which matches the {subjectRole} {subject}@{subjectVersion}."));
        }
    }
}
