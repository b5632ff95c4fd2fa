using Marketplace.Domain.Findings;
using Codes = Marketplace.Domain.Installation.InstallationFindingCodes;

namespace Marketplace.Domain.Installation;

/// <summary>A content path may only be written by the asset that already owns it, and by one candidate.</summary>
internal static class FileOwnershipRules
{
    public static void Check(IReadOnlyList<CandidateAsset> candidates, IReadOnlyDictionary<string, string> owners, List<Finding> reasons)
    {
        var writers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var path in candidate.ContentPaths.Distinct(StringComparer.Ordinal))
            {
                if (owners.TryGetValue(path, out var owner) && owner != candidate.AssetId)
                {
                    reasons.Add(Finding.Error(Codes.FileOwned, path,
                        $"{candidate.AssetId}@{candidate.Version} would overwrite '{path}', which belongs to the installed asset {owner}."));
                }

                if (writers.TryGetValue(path, out var first) && first != candidate.AssetId)
                {
                    reasons.Add(Finding.Error(Codes.FileCollision, path,
                        $"{first} and {candidate.AssetId} would both write '{path}'."));
                }
                else
                {
                    writers[path] = candidate.AssetId;
                }
            }
        }
    }
}
