using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Installation;

/// <summary>Whether an installation fits its target, and every reason it does not.</summary>
/// <param name="Compatible">True when there is no error among <paramref name="Reasons"/>.</param>
/// <param name="Reasons">Coded findings (see <see cref="InstallationFindingCodes"/>); empty when compatible.</param>
public sealed record CompatibilityVerdict(bool Compatible, IReadOnlyList<Finding> Reasons)
{
    /// <summary>Builds a verdict from findings: compatible when none of them is an error.</summary>
    public static CompatibilityVerdict From(IReadOnlyList<Finding> reasons) => new(!reasons.Any(r => r.IsError), reasons);
}
