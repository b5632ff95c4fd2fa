using Marketplace.Resolution.Ranges;
using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// A dependency or conflict of one package version on another package. <see cref="Versions"/> is the
/// range's set with npm's prerelease rule already applied to the known versions of the target, so the
/// solver can treat it as a plain set.
/// </summary>
internal sealed record Requirement(int Package, NpmRange Range, VersionSet Versions, RequirementSource Source)
{
    public bool IsConflict => Source == RequirementSource.Conflict;
}

/// <summary>Where a requirement comes from: it decides how the solver and the explanation word it.</summary>
internal enum RequirementSource
{
    /// <summary>A <c>dependencies</c> entry, or a root request.</summary>
    Dependency,

    /// <summary>A <c>conflicts</c> entry.</summary>
    Conflict,

    /// <summary>The target already holds exactly this version.</summary>
    Installed,
}
